package main

import (
	"context"
	"fmt"
	"net/netip"
	"reflect"
	"slices"
	"strings"
	"time"

	"github.com/netlink-go/netlink"
	"golang.org/x/sys/unix"
)

// StartView starts a netlink.RouteView of the IPv4 routes of every
// table (Table 0): the burst's routes go to table 100, and a view of the
// main table alone would not see them.
func (ours) StartView() (routeView, error) {
	v, err := netlink.NewRouteView(context.Background(), &netlink.RouteViewOptions{Family: unix.AF_INET})
	if err != nil {
		return nil, err
	}
	return oursView{v}, nil
}

// oursView is a netlink.RouteView; Len, Version, Resyncs, Err and Close
// are the view's own.
type oursView struct{ *netlink.RouteView }

// routeKey is what the kernel keys a route by, and a multiset of routes
// here: several routes may share one.
type routeKey struct {
	table    netlink.RouteTable
	dst, src netip.Prefix
	tos      uint8
	priority uint32
}

// Check waits for the view to hold every change made so far (Sync), then
// lists the IPv4 routes of every table on a connection of its own and
// compares them with the view's, each route whole except its
// CacheInfo (the kernel's running statistics). Cloned routes (route
// exceptions), which a RouteView leaves out, are left out of the dump
// too.
func (v oursView) Check() (int, string, error) {
	// The view holds every change made before Sync returns; the burst
	// is over, so the dump below sees the same table.
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	if err := v.Sync(ctx); err != nil {
		return 0, "", fmt.Errorf("view sync: %w", err)
	}
	c, err := netlink.NewWithOpts(&netlink.ConnectionOptions{Family: netlink.NETLINK_ROUTE})
	if err != nil {
		return 0, "", err
	}
	defer c.Close()
	kernel, err := c.ListRoutes(context.Background(), netlink.RouteFilter{Family: unix.AF_INET})
	if err != nil {
		return 0, "", err
	}
	kernel = slices.DeleteFunc(kernel, func(r netlink.Route) bool { return r.Flags&netlink.RTM_F_CLONED != 0 })

	want := make(map[routeKey][]netlink.Route, len(kernel))
	for _, r := range kernel {
		r.CacheInfo = netlink.RouteCacheInfo{}
		k := keyOf(&r)
		want[k] = append(want[k], r)
	}
	var extra, missing []string
	for _, r := range v.Routes() {
		r.CacheInfo = netlink.RouteCacheInfo{}
		k := keyOf(&r)
		i := slices.IndexFunc(want[k], func(w netlink.Route) bool { return reflect.DeepEqual(w, r) })
		if i < 0 {
			extra = append(extra, r.String())
			continue
		}
		want[k] = slices.Delete(want[k], i, i+1)
	}
	for _, rs := range want {
		for _, r := range rs {
			missing = append(missing, r.String())
		}
	}
	return len(kernel), describeDiff(missing, extra), nil
}

// keyOf returns the key of r.
func keyOf(r *netlink.Route) routeKey {
	return routeKey{table: r.Table, dst: r.Dst, src: r.Src, tos: r.TOS, priority: r.Priority}
}

// describeDiff says how many routes the view lacks and how many it has
// that the kernel has not, with the first of each in text order; ""
// when there are none. A route the view holds with a wrong field counts
// in both.
func describeDiff(missing, extra []string) string {
	var parts []string
	for _, d := range []struct {
		what   string
		routes []string
	}{{"missing from the view", missing}, {"only in the view", extra}} {
		if len(d.routes) > 0 {
			parts = append(parts, fmt.Sprintf("%d %s (first: %s)", len(d.routes), d.what, slices.Min(d.routes)))
		}
	}
	return strings.Join(parts, "; ")
}

// ours is the only viewer so far.
var _ viewer = ours{}
