package main

import (
	"errors"
	"fmt"
	"slices"
	"strings"
)

// A contender is one way of doing the benchmark's work: a netlink library,
// or the bare x/sys/unix loop that sets the floor. Each lives in its own
// contender_*.go file and registers itself from an init function.
//
// The harness calls a contender only inside a child process that already
// runs in the benchmark's network namespace, so a contender opens its
// sockets the plain way, in the current namespace.
type contender interface {
	// Key names the contender on the command line (-contenders) and
	// between the parent and its child processes.
	Key() string
	// Label names the contender in tables and charts.
	Label() string
	// OpenDumper prepares a dump (handles, sockets) outside the timed
	// part.
	OpenDumper() (dumper, error)
	// Subscribe joins the IPv4 route notifications (RTMGRP_IPV4_ROUTE)
	// with the library's default options and returns once the
	// subscription is in place: a change made after it returns must not
	// be missed for lack of a subscription.
	Subscribe() (subscription, error)
}

// A dumper lists routes.
type dumper interface {
	// Dump lists the IPv4 routes of the main table into the library's
	// own route values (the bare loop only counts headers) and returns
	// how many it got.
	Dump() (int, error)
	// Close releases the dumper's sockets.
	Close() error
}

// A subscription delivers route notifications.
type subscription interface {
	// Run consumes notifications as a user of the library would, calling
	// s.Route for every IPv4 RTM_NEWROUTE it delivers and s.Loss for every
	// loss the library reports. It returns only when the subscription
	// ends by itself, with the reason. The child process ends without
	// waiting for it, so Run need not be stoppable.
	Run(s *sink) error
}

// A viewer is a contender whose library keeps a typed copy of the routing
// tables that follows the kernel: it takes part in the view work, which
// the other contenders skip.
type viewer interface {
	// StartView starts a view of the IPv4 routes of every table and
	// returns once its first dump is in. Every table, because the
	// burst's routes go to table 100: at start it holds the main table's
	// N routes and the few of the local table.
	StartView() (routeView, error)
}

// A routeView is a library's route view, started by StartView.
type routeView interface {
	// Len returns the number of routes in the view.
	Len() int
	// Version returns a number that changes whenever the view does.
	Version() uint64
	// Resyncs returns how many times the view read the tables again
	// since it started.
	Resyncs() uint64
	// Err returns why the view stopped following the kernel, or nil.
	Err() error
	// Check compares the view with a fresh dump of the routes it is to
	// hold, ignoring the kernel's per-route statistics. It returns how
	// many routes the dump had and how the two differ, "" when they
	// hold the same routes.
	Check() (kernel int, diff string, err error)
	// Close stops the view.
	Close() error
}

// takingPart returns the contenders of cs that take part in work.
func takingPart(work string, cs []contender) []contender {
	if work != workView {
		return cs
	}
	var out []contender
	for _, c := range cs {
		if _, ok := c.(viewer); ok {
			out = append(out, c)
		}
	}
	return out
}

// errSubscriptionEnded reports a subscription whose library closed its
// delivery channel.
var errSubscriptionEnded = errors.New("subscription ended: the library closed its channel")

// order is the order of rows in tables and charts; contenders not listed
// sort after these, by key.
var order = []string{"ours", "ours-stream", "vishvananda", "rtnetlink", "bare"}

// registered holds every contender, in table order.
var registered []contender

// register adds c to the contenders. It is called from init functions.
func register(c contender) {
	registered = append(registered, c)
	rank := func(c contender) int {
		if i := slices.Index(order, c.Key()); i >= 0 {
			return i
		}
		return len(order)
	}
	slices.SortStableFunc(registered, func(a, b contender) int {
		if d := rank(a) - rank(b); d != 0 {
			return d
		}
		return strings.Compare(a.Key(), b.Key())
	})
}

// lookup returns the registered contender with the given key.
func lookup(key string) (contender, error) {
	for _, c := range registered {
		if c.Key() == key {
			return c, nil
		}
	}
	return nil, fmt.Errorf("unknown contender %q (registered: %s)", key, strings.Join(keys(registered), ","))
}

// keys returns the keys of cs.
func keys(cs []contender) []string {
	var ks []string
	for _, c := range cs {
		ks = append(ks, c.Key())
	}
	return ks
}
