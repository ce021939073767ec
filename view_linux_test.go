//go:build linux

package netlink

import (
	"context"
	"errors"
	"fmt"
	"net/netip"
	"reflect"
	"slices"
	"testing"
	"time"
)

// kernelRoutes lists the routes a view with opts must hold, sorted as
// RouteView.Routes sorts them, without the kernel's changing statistics.
func kernelRoutes(t *testing.T, c *Connection, opts RouteViewOptions) []Route {
	t.Helper()
	routes, err := c.ListRoutes(context.Background(), RouteFilter{Family: opts.Family, Table: opts.Table})
	if err != nil {
		t.Fatal(err)
	}
	v := RouteView{opts: opts}
	routes = slices.DeleteFunc(routes, func(r Route) bool { return !v.wants(&r) })
	return stripStats(routes)
}

// stripStats sorts routes and zeroes what the kernel changes by itself.
func stripStats(routes []Route) []Route {
	for i := range routes {
		routes[i].CacheInfo = RouteCacheInfo{}
	}
	slices.SortFunc(routes, compareRoutes)
	return routes
}

// waitEqual waits until the view holds what the kernel holds, and its
// Len agrees.
func waitEqual(t *testing.T, v *RouteView, c *Connection, what string) {
	t.Helper()
	deadline := time.Now().Add(recvTimeout)
	for {
		want := kernelRoutes(t, c, v.opts)
		version := v.Version()
		got := stripStats(v.Routes())
		n := v.Len()
		if v.Version() == version && reflect.DeepEqual(got, want) && n == len(want) {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s: the view (Len %d) differs from the kernel:\n view   %v\n kernel %v", what, n, got, want)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func TestRouteViewFollowsTheKernel(t *testing.T) {
	ns := newTestNS(t)
	variedTable(ns)
	c := ns.dial(0)
	v, err := NewRouteView(context.Background(), &RouteViewOptions{NetNS: ns.name})
	if err != nil {
		t.Fatal(err)
	}
	defer v.Close()
	waitEqual(t, v, c, "start")
	if v.Len() < 20 {
		t.Fatalf("view of %d routes: the table was not built", v.Len())
	}

	steps := []struct {
		what   string
		cmds   []string
		resync bool // the kernel is silent: the view must read again
	}{
		{"add", []string{"route add 10.40.0.0/16 via 10.0.0.5 metric 3"}, false},
		{"replace", []string{"route replace 10.40.0.0/16 via 10.0.0.6 metric 3"}, false},
		{"append", []string{"route append 10.40.0.0/16 via 10.0.1.7 metric 3"}, false},
		{"delete one of two", []string{"route del 10.40.0.0/16 via 10.0.0.6 metric 3"}, false},
		{"ipv6 add", []string{"-6 route add 2001:db8:40::/48 via 2001:db8::5"}, false},
		{"ipv6 append a next hop", []string{"-6 route append 2001:db8:40::/48 via 2001:db8:1::5"}, false},
		{"ipv6 delete one next hop", []string{"-6 route del 2001:db8:40::/48 via 2001:db8::5"}, false},
		{"table 1000", []string{"route add 10.41.0.0/16 via 10.0.0.5 table 1000", "route flush table 1000"}, false},
		{"address removal", []string{"route add 10.42.0.0/16 dev veth1 src 10.0.1.1", "addr del 10.0.1.1/24 dev veth1"}, true},
		{"link down", []string{"route add 10.43.0.0/16 via 10.0.0.5", "link set veth0 down"}, true},
		{"link up", []string{"link set veth0 up", "route add 10.44.0.0/16 via 10.0.0.5"}, true},
		{"carrier lost: the peer goes down", []string{"link set veth1 down"}, true},
		{"carrier back", []string{"link set veth1 up"}, true},
		{"appended with other protocols", []string{"route append 10.46.0.0/16 via 10.0.0.5 proto static", "route append 10.46.0.0/16 via 10.0.0.5 proto 99"}, false},
		{"delete one protocol", []string{"route del 10.46.0.0/16 via 10.0.0.5 proto 99"}, false},
		{"same device, two sources", []string{"addr add 10.0.0.11/24 dev veth0", "route append 10.47.0.0/16 dev veth0 src 10.0.0.1", "route append 10.47.0.0/16 dev veth0 src 10.0.0.11"}, false},
		{"delete one source", []string{"route del 10.47.0.0/16 dev veth0 src 10.0.0.11"}, false},
		{"nexthop object", []string{"nexthop add id 10 via 10.0.0.7 dev veth0", "route add 10.48.0.0/16 nhid 10"}, false},
		{"nexthop object deleted", []string{"nexthop del id 10"}, true},
	}
	for _, st := range steps {
		before := v.Resyncs()
		for _, cmd := range st.cmds {
			ns.ip(cmd)
		}
		if st.resync {
			deadline := time.Now().Add(recvTimeout)
			for v.Resyncs() == before && time.Now().Before(deadline) {
				time.Sleep(5 * time.Millisecond)
			}
			if v.Resyncs() == before {
				t.Errorf("%s: the view did not read the tables again", st.what)
			}
		}
		waitEqual(t, v, c, st.what)
	}
	if err := v.Err(); err != nil {
		t.Errorf("Err while following: %v", err)
	}
	if err := v.Close(); err != nil {
		t.Fatal(err)
	}
	if !errors.Is(v.Err(), ErrClosed) {
		t.Errorf("Err after Close = %v, want ErrClosed", v.Err())
	}
}

func TestRouteViewFilters(t *testing.T) {
	ns := newTestNS(t)
	variedTable(ns)
	c := ns.dial(0)
	for _, opts := range []RouteViewOptions{
		{Family: afInet},
		{Family: afInet6},
		{Table: RT_TABLE_MAIN},
		{Family: afInet, Table: 1000},
	} {
		t.Run(fmt.Sprintf("family %d table %d", opts.Family, opts.Table), func(t *testing.T) {
			opts.NetNS = ns.name
			v, err := NewRouteView(context.Background(), &opts)
			if err != nil {
				t.Fatal(err)
			}
			defer v.Close()
			waitEqual(t, v, c, "start")
			ns.ip("route add 10.45.0.0/16 via 10.0.0.5 table 1000")
			ns.ip("-6 route add 2001:db8:45::/48 via 2001:db8::5")
			waitEqual(t, v, c, "after changes")
			ns.ip("route del 10.45.0.0/16 table 1000")
			ns.ip("-6 route del 2001:db8:45::/48")
			waitEqual(t, v, c, "after deletes")
		})
	}
	if _, err := NewRouteView(context.Background(), &RouteViewOptions{Family: 7}); !errors.Is(err, ErrInvalidOptions) {
		t.Errorf("family 7: %v", err)
	}
}

func TestRouteViewResyncsAfterOverrun(t *testing.T) {
	ns := newTestNS(t)
	c := ns.dial(0)
	v, err := NewRouteView(context.Background(), &RouteViewOptions{NetNS: ns.name, ReceiveBuffer: 8 << 10})
	if err != nil {
		t.Fatal(err)
	}
	defer v.Close()
	fillRoutes(ns, 100, 20_000)
	waitEqual(t, v, c, "after a burst into a small buffer")
	if v.conn.Stats().Overruns == 0 {
		t.Fatal("the kernel never dropped: the test proves nothing")
	}
	if v.Resyncs() == 0 {
		t.Error("no resync after an overrun")
	}
}

func TestRouteViewStopsWithContext(t *testing.T) {
	ns := newTestNS(t)
	ctx, cancel := context.WithCancel(context.Background())
	v, err := NewRouteView(ctx, &RouteViewOptions{NetNS: ns.name})
	if err != nil {
		t.Fatal(err)
	}
	cancel()
	select {
	case <-v.done:
	case <-time.After(recvTimeout):
		t.Fatal("the view did not stop when its context ended")
	}
	if v.Err() == nil {
		t.Error("Err is nil after the context ended")
	}
	v.Close()
}

func TestRouteViewSync(t *testing.T) {
	ns := newTestNS(t)
	c := ns.dial(0)
	v, err := NewRouteView(context.Background(), &RouteViewOptions{NetNS: ns.name, Family: afInet})
	if err != nil {
		t.Fatal(err)
	}
	defer v.Close()
	ctx := context.Background()
	has := func(dst string) bool {
		return slices.ContainsFunc(v.Routes(), func(r Route) bool { return r.Dst.String() == dst })
	}
	for i := range 50 {
		dst := fmt.Sprintf("10.80.%d.0/24", i)
		r := Route{Dst: netip.MustParsePrefix(dst), Gateway: netip.MustParseAddr("10.0.0.5")}
		if err := c.AddRoute(ctx, &r); err != nil {
			t.Fatal(err)
		}
		if err := v.Sync(ctx); err != nil {
			t.Fatal(err)
		}
		if !has(dst) {
			t.Fatalf("after Sync the view lacks %s, added before it", dst)
		}
		if err := c.DeleteRoute(ctx, &r); err != nil {
			t.Fatal(err)
		}
		if err := v.Sync(ctx); err != nil {
			t.Fatal(err)
		}
		if has(dst) {
			t.Fatalf("after Sync the view still holds %s, deleted before it", dst)
		}
	}
	// A change the kernel makes silently is covered too: the link goes
	// down, and Sync waits for the resync it calls for.
	ns.ip("route add 10.81.0.0/16 via 10.0.0.5")
	ns.ip("link set veth0 down")
	if err := v.Sync(ctx); err != nil {
		t.Fatal(err)
	}
	if has("10.81.0.0/16") {
		t.Error("after Sync the view holds a route the kernel dropped with its link")
	}
	v.Close()
	if err := v.Sync(ctx); err == nil {
		t.Error("Sync on a closed view succeeded")
	}
}
