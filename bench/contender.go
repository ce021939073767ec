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
