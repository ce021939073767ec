package main

import (
	"errors"

	"github.com/vishvananda/netlink"
	"golang.org/x/sys/unix"
)

// vishvananda is github.com/vishvananda/netlink.
type vishvananda struct{}

func init() { register(vishvananda{}) }

func (vishvananda) Key() string   { return "vishvananda" }
func (vishvananda) Label() string { return "vishvananda/netlink" }

// vishDumper keeps a Handle, so its route socket is opened once rather
// than per call (as the package-level functions do).
type vishDumper struct{ h *netlink.Handle }

func (vishvananda) OpenDumper() (dumper, error) {
	h, err := netlink.NewHandle(unix.NETLINK_ROUTE)
	if err != nil {
		return nil, err
	}
	return vishDumper{h: h}, nil
}

func (d vishDumper) Close() error { d.h.Close(); return nil }

// Dump uses RouteListFiltered with RT_FILTER_TABLE; the kernel dumps every
// IPv4 table and the library filters in user space.
func (d vishDumper) Dump() (int, error) {
	routes, err := d.h.RouteListFiltered(netlink.FAMILY_V4,
		&netlink.Route{Table: unix.RT_TABLE_MAIN}, netlink.RT_FILTER_TABLE)
	if err != nil {
		return 0, err
	}
	return len(routes), nil
}

// vishSub is a RouteSubscribeWithOptions subscription with default
// options, plus an ErrorCallback so that losses become visible.
type vishSub struct {
	ch   chan netlink.RouteUpdate
	errs chan string
}

func (vishvananda) Subscribe() (subscription, error) {
	v := vishSub{
		ch:   make(chan netlink.RouteUpdate, chanCap),
		errs: make(chan string, 16),
	}
	opts := netlink.RouteSubscribeOptions{
		ErrorCallback: func(err error) {
			select {
			case v.errs <- err.Error():
			default:
			}
		},
	}
	// done is never closed: the child process ends instead.
	if err := netlink.RouteSubscribeWithOptions(v.ch, make(chan struct{}), opts); err != nil {
		return nil, err
	}
	return v, nil
}

// Run ranges over the update channel. The library reports a receive error
// (ENOBUFS included, as text: it formats the error with %v) through the
// callback, then closes the channel: the subscription dies.
func (v vishSub) Run(s *sink) error {
	for u := range v.ch {
		if u.Type == unix.RTM_NEWROUTE && u.Family == unix.AF_INET {
			s.Route()
		}
	}
	reason := errSubscriptionEnded.Error()
	for {
		select {
		case e := <-v.errs:
			s.Loss(e)
			reason += "; " + e
		default:
			return errors.New(reason)
		}
	}
}
