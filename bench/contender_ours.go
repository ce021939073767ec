package main

import (
	"context"

	"github.com/netlink-go/netlink"
	"golang.org/x/sys/unix"
)

// ours is github.com/netlink-go/netlink, this repository's library.
type ours struct{}

func init() { register(ours{}) }

func (ours) Key() string   { return "ours" }
func (ours) Label() string { return "netlink-go (ours)" }

// oursDumper keeps one Connection; its request socket opens on the first
// dump and is reused after.
type oursDumper struct{ c *netlink.Connection }

func (ours) OpenDumper() (dumper, error) {
	c, err := netlink.NewWithOpts(&netlink.ConnectionOptions{Family: netlink.NETLINK_ROUTE})
	if err != nil {
		return nil, err
	}
	return oursDumper{c: c}, nil
}

func (d oursDumper) Close() error { return d.c.Close() }

// Dump lists the IPv4 routes of the main table with ListRoutes, the
// kernel filtering by table.
func (d oursDumper) Dump() (int, error) {
	routes, err := d.c.ListRoutes(context.Background(), netlink.RouteFilter{
		Family: unix.AF_INET,
		Table:  netlink.RT_TABLE_MAIN,
	})
	return len(routes), err
}

// oursSub is a Connection made by New: IPv4 route notifications on
// default options.
type oursSub struct{ c *netlink.Connection }

func (ours) Subscribe() (subscription, error) {
	c, err := netlink.New()
	if err != nil {
		return nil, err
	}
	return oursSub{c: c}, nil
}

// Run receives on a channel and decodes every route notification into a
// Route, as the other libraries do; an NLMSG_OVERRUN marker is a
// reported loss.
func (o oursSub) Run(s *sink) error {
	ch := make(chan *netlink.Message, chanCap)
	o.c.Notify(ch)
	var r netlink.Route
	for m := range ch {
		switch m.Type {
		case netlink.NLMSG_OVERRUN:
			s.Loss("NLMSG_OVERRUN marker")
		case netlink.RTM_NEWROUTE:
			if err := r.UnmarshalBinary(m.Data); err != nil {
				return err
			}
			if r.Family == unix.AF_INET {
				s.Route()
			}
		}
	}
	if err := o.c.Err(); err != nil {
		return err
	}
	return errSubscriptionEnded
}
