package main

import (
	"errors"

	"github.com/jsimonetti/rtnetlink/v2"
	"github.com/mdlayher/netlink"
	"golang.org/x/sys/unix"
)

// jsRtnetlink is github.com/jsimonetti/rtnetlink/v2 on
// github.com/mdlayher/netlink.
type jsRtnetlink struct{}

func init() { register(jsRtnetlink{}) }

func (jsRtnetlink) Key() string   { return "rtnetlink" }
func (jsRtnetlink) Label() string { return "jsimonetti/rtnetlink" }

// rtnlDumper keeps one Conn in strict-check mode, so that the kernel
// filters the dump by table (as the library documents for ListMatch).
type rtnlDumper struct{ c *rtnetlink.Conn }

func (jsRtnetlink) OpenDumper() (dumper, error) {
	c, err := rtnetlink.Dial(nil)
	if err != nil {
		return nil, err
	}
	if err := c.SetOption(netlink.GetStrictCheck, true); err != nil {
		c.Close()
		return nil, err
	}
	return rtnlDumper{c: c}, nil
}

func (d rtnlDumper) Close() error { return d.c.Close() }

// Dump lists IPv4 routes of the main table with Route.ListMatch and keeps
// those whose table is main, in case the kernel did not filter.
func (d rtnlDumper) Dump() (int, error) {
	routes, err := d.c.Route.ListMatch(&rtnetlink.RouteMessage{
		Family: unix.AF_INET,
		Table:  unix.RT_TABLE_MAIN,
	})
	if err != nil {
		return 0, err
	}
	n := 0
	for i := range routes {
		if routes[i].Table == unix.RT_TABLE_MAIN {
			n++
		}
	}
	return n, nil
}

// rtnlSub is a Conn dialed with Groups: RTMGRP_IPV4_ROUTE and nothing else.
type rtnlSub struct{ c *rtnetlink.Conn }

func (jsRtnetlink) Subscribe() (subscription, error) {
	c, err := rtnetlink.Dial(&netlink.Config{Groups: unix.RTMGRP_IPV4_ROUTE})
	if err != nil {
		return nil, err
	}
	return rtnlSub{c: c}, nil
}

// Run loops on Receive. An error wrapping ENOBUFS is a reported loss and
// the loop goes on, as a careful user would; any other error ends it.
func (r rtnlSub) Run(s *sink) error {
	for {
		msgs, raw, err := r.c.Receive()
		if errors.Is(err, unix.ENOBUFS) {
			s.Loss(err.Error())
			continue
		}
		if err != nil {
			return err
		}
		for i, m := range msgs {
			rm, ok := m.(*rtnetlink.RouteMessage)
			if ok && raw[i].Header.Type == unix.RTM_NEWROUTE && rm.Family == unix.AF_INET {
				s.Route()
			}
		}
	}
}
