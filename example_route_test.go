package netlink_test

import (
	"context"
	"errors"
	"fmt"
	"log"
	"net/netip"

	"github.com/netlink-go/netlink"
	"golang.org/x/sys/unix"
)

// routeConn opens a connection for route operations; it joins no group.
func routeConn() *netlink.Connection {
	c, err := netlink.NewWithOpts(&netlink.ConnectionOptions{Family: netlink.NETLINK_ROUTE})
	if err != nil {
		log.Fatal(err)
	}
	return c
}

// ListRoutes is "ip route show table main"; the kernel does the filtering.
func ExampleConnection_ListRoutes() {
	c := routeConn()
	defer c.Close()
	routes, err := c.ListRoutes(context.Background(), netlink.RouteFilter{
		Family: netlink.AF_INET,
		Table:  netlink.RT_TABLE_MAIN,
	})
	if err != nil {
		log.Fatal(err)
	}
	for _, r := range routes {
		fmt.Println(r)
	}
}

// RangeRoutes streams a dump through one reused Route: here it counts
// the routes each protocol installed, keeping nothing else.
func ExampleConnection_RangeRoutes() {
	c := routeConn()
	defer c.Close()
	byProto := map[netlink.RouteProtocol]int{}
	err := c.RangeRoutes(context.Background(), netlink.RouteFilter{}, func(r *netlink.Route) bool {
		byProto[r.Protocol]++
		return true
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(byProto)
}

// GetRoute is "ip route get".
func ExampleConnection_GetRoute() {
	c := routeConn()
	defer c.Close()
	r, err := c.GetRoute(context.Background(), netlink.RouteQuery{Dst: netip.MustParseAddr("192.0.2.1")})
	if errors.Is(err, unix.ENETUNREACH) {
		fmt.Println("no route")
		return
	}
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(r.Gateway, r.OutIfIndex, r.PrefSrc)
}

// AddRoute is "ip route add"; adding it twice is EEXIST.
func ExampleConnection_AddRoute() {
	c := routeConn()
	defer c.Close()
	r := &netlink.Route{
		Dst:      netip.MustParsePrefix("10.1.0.0/16"),
		Gateway:  netip.MustParseAddr("10.0.0.2"),
		Protocol: netlink.RTPROT_STATIC,
		Priority: 10,
	}
	err := c.AddRoute(context.Background(), r)
	var kerr *netlink.Error
	switch {
	case errors.Is(err, unix.EEXIST):
		fmt.Println("already there")
	case errors.As(err, &kerr):
		fmt.Println("kernel refused:", kerr.Errno, kerr.Message)
	case err != nil:
		log.Fatal(err)
	}
}

// ReplaceRoute is "ip route replace": add, or change the route with the
// same destination, table, TOS and metric.
func ExampleConnection_ReplaceRoute() {
	c := routeConn()
	defer c.Close()
	err := c.ReplaceRoute(context.Background(), &netlink.Route{
		Dst: netip.MustParsePrefix("10.2.0.0/16"),
		MultiPath: []netlink.NextHop{
			{Gateway: netip.MustParseAddr("10.0.0.2"), Weight: 1},
			{Gateway: netip.MustParseAddr("10.0.0.3"), Weight: 3},
		},
	})
	if err != nil {
		log.Fatal(err)
	}
}

// AppendRoute is "ip route append".
func ExampleConnection_AppendRoute() {
	c := routeConn()
	defer c.Close()
	err := c.AppendRoute(context.Background(), &netlink.Route{
		Dst:     netip.MustParsePrefix("2001:db8:1::/48"),
		Gateway: netip.MustParseAddr("fe80::1"),
		// An IPv6 link-local gateway needs its interface.
		OutIfIndex: 2,
	})
	if err != nil {
		log.Fatal(err)
	}
}

// DeleteRoute is "ip route del": unset fields match any route.
func ExampleConnection_DeleteRoute() {
	c := routeConn()
	defer c.Close()
	err := c.DeleteRoute(context.Background(), &netlink.Route{Dst: netip.MustParsePrefix("10.1.0.0/16")})
	if errors.Is(err, unix.ESRCH) {
		fmt.Println("no such route")
	} else if err != nil {
		log.Fatal(err)
	}
}

// DecodeRoute turns a route notification into a Route.
func ExampleDecodeRoute() {
	r := netlink.Route{
		Dst:      netip.MustParsePrefix("10.1.0.0/16"),
		Gateway:  netip.MustParseAddr("10.0.0.2"),
		Table:    netlink.RT_TABLE_MAIN,
		Protocol: netlink.RTPROT_STATIC,
		Type:     netlink.RTN_UNICAST,
	}
	data, err := r.MarshalBinary()
	if err != nil {
		log.Fatal(err)
	}
	m := &netlink.Message{Header: netlink.Header{Type: netlink.RTM_NEWROUTE}, Data: data}
	got, err := netlink.DecodeRoute(m)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(got)
	// Output:
	// 10.1.0.0/16 via 10.0.0.2 proto static
}
