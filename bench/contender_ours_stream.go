package main

import (
	"context"

	"github.com/netlink-go/netlink"
	"golang.org/x/sys/unix"
)

// oursStream is this library used without keeping every value: the dump
// decodes each route into one reused Route (RangeRoutes), and the
// subscription runs the consumer on the reader goroutine (Handle), with no
// channel hand-off. A user that folds routes into its own structure, or
// consumes notifications in a callback, pays these costs.
type oursStream struct{}

func init() { register(oursStream{}) }

func (oursStream) Key() string   { return "ours-stream" }
func (oursStream) Label() string { return "netlink-go (Range/Handle)" }

// oursStreamDumper counts the routes of the main table as RangeRoutes
// decodes them.
type oursStreamDumper struct{ c *netlink.Connection }

func (oursStream) OpenDumper() (dumper, error) {
	c, err := netlink.NewWithOpts(&netlink.ConnectionOptions{Family: netlink.NETLINK_ROUTE})
	if err != nil {
		return nil, err
	}
	return oursStreamDumper{c: c}, nil
}

func (d oursStreamDumper) Close() error { return d.c.Close() }

func (d oursStreamDumper) Dump() (int, error) {
	n := 0
	err := d.c.RangeRoutes(context.Background(), netlink.RouteFilter{
		Family: unix.AF_INET,
		Table:  netlink.RT_TABLE_MAIN,
	}, func(*netlink.Route) bool {
		n++
		return true
	})
	return n, err
}

// oursStreamSub consumes notifications in a Handle callback.
type oursStreamSub struct{ c *netlink.Connection }

func (oursStream) Subscribe() (subscription, error) {
	c, err := netlink.New()
	if err != nil {
		return nil, err
	}
	return oursStreamSub{c: c}, nil
}

// Run decodes every route notification into a Route inside the callback;
// an NLMSG_OVERRUN marker is a reported loss. The callback runs until the
// child process ends.
func (o oursStreamSub) Run(s *sink) error {
	var r netlink.Route
	failed := make(chan error, 1)
	o.c.Handle(func(m *netlink.Message) {
		switch m.Type {
		case netlink.NLMSG_OVERRUN:
			s.Loss("NLMSG_OVERRUN marker")
		case netlink.RTM_NEWROUTE:
			if err := r.UnmarshalBinary(m.Data); err != nil {
				select {
				case failed <- err:
				default:
				}
				return
			}
			if r.Family == unix.AF_INET {
				s.Route()
			}
		}
	})
	return <-failed
}
