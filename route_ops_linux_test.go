//go:build linux

package netlink

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/netip"
	"os/exec"
	"reflect"
	"strings"
	"testing"

	"golang.org/x/sys/unix"
)

// ipRoute is one route as `ip -json -d route show table all` prints it.
type ipRoute struct {
	Type     string           `json:"type"`
	Dst      string           `json:"dst"`
	Gateway  string           `json:"gateway"`
	Dev      string           `json:"dev"`
	Table    string           `json:"table"`
	Protocol string           `json:"protocol"`
	Scope    string           `json:"scope"`
	PrefSrc  string           `json:"prefsrc"`
	Metric   *uint32          `json:"metric"`
	Flags    []string         `json:"flags"`
	Metrics  []map[string]any `json:"metrics"`
	NextHops []ipNextHop      `json:"nexthops"`
	Pref     string           `json:"pref"`
	Expires  *int             `json:"expires"`
}

// ipNextHop is one next hop of a multipath route in ip's JSON.
type ipNextHop struct {
	Gateway string   `json:"gateway"`
	Dev     string   `json:"dev"`
	Weight  int      `json:"weight"`
	Flags   []string `json:"flags"`
}

// ipRoutes returns every route of family ("-4" or "-6") in every table.
func (ns *testNS) ipRoutes(family string) []ipRoute {
	ns.t.Helper()
	out, err := exec.Command("ip", "-n", ns.name, family, "-json", "-d", "route", "show", "table", "all").Output()
	if err != nil {
		ns.t.Fatalf("ip route show: %v", err)
	}
	var routes []ipRoute
	if err := json.Unmarshal(out, &routes); err != nil {
		ns.t.Fatalf("ip -json route: %v: %s", err, out)
	}
	return routes
}

// ipDst writes a prefix as ip does: "default", a bare address for a
// host route, else the prefix.
func ipDst(p netip.Prefix) string {
	switch {
	case p.Bits() == 0:
		return "default"
	case p.Bits() == p.Addr().BitLen():
		return p.Addr().String()
	}
	return p.String()
}

// ipMetrics returns the metrics of r under the names and units of ip's
// JSON (rtt in ms is RTAX_RTT/8, rttvar RTAX_RTTVAR/4).
func ipMetrics(m *RouteMetrics) map[string]any {
	if m == nil {
		return nil
	}
	out := map[string]any{}
	add := func(name string, v uint32) {
		if v != 0 {
			out[name] = float64(v)
		}
	}
	add("mtu", m.MTU)
	add("window", m.Window)
	add("rtt", m.RTT/8)
	add("rttvar", m.RTTVar/4)
	add("ssthresh", m.SSThresh)
	add("cwnd", m.CWnd)
	add("advmss", m.AdvMSS)
	add("reordering", m.Reordering)
	add("hoplimit", m.HopLimit)
	add("initcwnd", m.InitCWnd)
	add("initrwnd", m.InitRWnd)
	add("quickack", m.QuickAck)
	if m.CCAlgo != "" {
		out["congestion"] = m.CCAlgo
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// asIP converts a Route we decoded into ip's JSON form, for comparison.
func asIP(r Route, names map[int]string) ipRoute {
	j := ipRoute{
		Type:     r.Type.String(),
		Dst:      ipDst(r.Dst),
		Dev:      names[r.OutIfIndex],
		Table:    r.Table.String(),
		Protocol: r.Protocol.String(),
		Scope:    r.Scope.String(),
		Flags:    []string{},
	}
	if r.Gateway.IsValid() {
		j.Gateway = r.Gateway.String()
	}
	if r.PrefSrc.IsValid() {
		j.PrefSrc = r.PrefSrc.String()
	}
	if r.Priority != 0 || r.Family == unix.AF_INET6 {
		p := r.Priority
		j.Metric = &p
	}
	if r.Flags&RTNH_F_LINKDOWN != 0 {
		j.Flags = append(j.Flags, "linkdown")
	}
	if r.Flags&RTNH_F_ONLINK != 0 {
		j.Flags = append(j.Flags, "onlink")
	}
	if m := ipMetrics(r.Metrics); m != nil {
		j.Metrics = []map[string]any{m}
	}
	for _, nh := range r.MultiPath {
		jn := ipNextHop{Dev: names[nh.IfIndex], Weight: nh.Weight, Flags: []string{}}
		if nh.Gateway.IsValid() {
			jn.Gateway = nh.Gateway.String()
		}
		j.NextHops = append(j.NextHops, jn)
	}
	if r.Family == unix.AF_INET6 {
		j.Pref = r.Pref.String()
	}
	if r.CacheInfo.Expires != 0 {
		e := int(r.CacheInfo.Expires / 100)
		j.Expires = &e
	}
	return j
}

// routeKey identifies a route in a table for matching both sides.
func routeKey(j ipRoute) string {
	return strings.Join([]string{j.Table, j.Type, j.Dst, j.Dev, fmt.Sprint(j.Metric != nil && *j.Metric > 0, derefU32(j.Metric))}, " ")
}

func derefU32(p *uint32) uint32 {
	if p == nil {
		return 0
	}
	return *p
}

// linkNames maps interface indexes of the namespace to names.
func (ns *testNS) linkNames(c *Connection) map[int]string {
	ns.t.Helper()
	msgs, err := c.Execute(context.Background(), linkDump())
	if err != nil {
		ns.t.Fatal(err)
	}
	names := map[int]string{}
	for _, m := range msgs {
		idx := int(int32(nativeUint32(m.Data[4:8])))
		ad := NewAttributeDecoder(m.Data[16:])
		for ad.Next() {
			if ad.Type() == unix.IFLA_IFNAME {
				names[idx] = ad.String()
			}
		}
	}
	return names
}

// variedTable builds the routes the differential tests compare.
func variedTable(ns *testNS) {
	ns.ip("addr add 10.0.1.1/24 dev veth1")
	ns.ip("-6 addr add 2001:db8:1::1/64 dev veth1 nodad")
	ns.batch([]string{
		"route add 10.1.0.0/16 via 10.0.0.2 proto static metric 10",
		"route add 10.2.0.0/16 nexthop via 10.0.0.2 weight 2 nexthop via 10.0.1.2 weight 3",
		"route add 10.3.0.0/16 via 10.0.0.2 mtu 1400 advmss 1300 table 1000",
		"route add 10.3.0.0/16 via 10.0.1.2 table 70000 proto bird",
		"route add blackhole 10.4.0.0/16",
		"route add unreachable 10.5.0.0/16 metric 5",
		"route add prohibit 10.6.0.0/16 proto 99",
		"route add 10.7.0.0/16 dev veth0 src 10.0.0.1",
		"route add 10.8.0.0/16 via 10.0.0.2 mtu lock 1300 rtt 30ms rttvar 10ms initcwnd 10 initrwnd 20 congctl cubic",
		"route add 10.9.0.0/16 dev veth0 scope host",
		"route add local 10.9.9.9 dev veth0 table 200",
		"route add broadcast 10.0.0.255 dev veth0 table 200",
		"route add default via 10.0.0.254",
		"route add throw 10.10.0.0/16 table 300",
		"route add 2001:db8:5::/48 via 2001:db8::2 expires 300",
		"route add 2001:db8:6::/48 nexthop via 2001:db8::2 weight 1 nexthop via 2001:db8:1::2 weight 4",
		"route add 2001:db8:7::/48 dev veth0 metric 7 pref high mtu 1300 proto ospf table 100",
		"route add blackhole 2001:db8:8::/48",
		"route add default via 2001:db8::fe",
	})
}

func TestListRoutesMatchesIP(t *testing.T) {
	ns := newTestNS(t)
	variedTable(ns)
	c := ns.dial(0)
	names := ns.linkNames(c)
	for _, fam := range []struct {
		flag   string
		family uint8
	}{{"-4", unix.AF_INET}, {"-6", unix.AF_INET6}} {
		t.Run(fam.flag, func(t *testing.T) {
			routes, err := c.ListRoutes(context.Background(), RouteFilter{Family: fam.family})
			if err != nil {
				t.Fatal(err)
			}
			ours := map[string]ipRoute{}
			for _, r := range routes {
				j := asIP(r, names)
				ours[routeKey(j)] = j
			}
			theirs := map[string]ipRoute{}
			for _, j := range ns.ipRoutes(fam.flag) {
				if j.Type == "" {
					j.Type = "unicast"
				}
				theirs[routeKey(j)] = j
			}
			if len(ours) != len(routes) {
				t.Errorf("%d routes but %d distinct keys", len(routes), len(ours))
			}
			for k, want := range theirs {
				got, ok := ours[k]
				if !ok {
					t.Errorf("missing route %s", k)
					continue
				}
				if want.Expires != nil && got.Expires != nil && abs(*want.Expires-*got.Expires) <= 2 {
					got.Expires = want.Expires
				}
				if !reflect.DeepEqual(got, want) {
					t.Errorf("route %s:\n ours %+v\n  ip  %+v", k, got, want)
				}
			}
			for k := range ours {
				if _, ok := theirs[k]; !ok {
					t.Errorf("extra route %s", k)
				}
			}
			if len(theirs) < 10 {
				t.Errorf("ip shows only %d routes: the table was not built", len(theirs))
			}
		})
	}
}

// usesIf reports whether r or one of its next hops goes out of ifindex,
// as the kernel's RTA_OIF dump filter matches.
func usesIf(r Route, ifindex int) bool {
	if r.OutIfIndex == ifindex {
		return true
	}
	for _, nh := range r.MultiPath {
		if nh.IfIndex == ifindex {
			return true
		}
	}
	return false
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

func TestListRoutesFilters(t *testing.T) {
	ns := newTestNS(t)
	variedTable(ns)
	c := ns.dial(0)
	veth1 := ns.ifindex("veth1")
	tests := []struct {
		name   string
		filter RouteFilter
		ok     func(Route) bool
		min    int
	}{
		{"table 1000", RouteFilter{Family: unix.AF_INET, Table: 1000}, func(r Route) bool { return r.Table == 1000 }, 1},
		{"table 70000", RouteFilter{Table: 70000}, func(r Route) bool { return r.Table == 70000 }, 1},
		{"main", RouteFilter{Family: unix.AF_INET, Table: RT_TABLE_MAIN}, func(r Route) bool { return r.Table == RT_TABLE_MAIN }, 8},
		{"proto static", RouteFilter{Family: unix.AF_INET, Protocol: RTPROT_STATIC}, func(r Route) bool { return r.Protocol == RTPROT_STATIC }, 1},
		{"blackhole", RouteFilter{Type: RTN_BLACKHOLE}, func(r Route) bool { return r.Type == RTN_BLACKHOLE }, 2},
		{"oif veth1", RouteFilter{Family: unix.AF_INET, OutIfIndex: veth1}, func(r Route) bool { return usesIf(r, veth1) }, 1},
		{"missing table", RouteFilter{Family: unix.AF_INET, Table: 4242}, func(Route) bool { return false }, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			routes, err := c.ListRoutes(context.Background(), tt.filter)
			if err != nil {
				t.Fatal(err)
			}
			if len(routes) < tt.min {
				t.Errorf("%d routes, want at least %d", len(routes), tt.min)
			}
			for _, r := range routes {
				if !tt.ok(r) {
					t.Errorf("route %v does not match the filter", r)
				}
			}
		})
	}
	if _, err := c.ListRoutes(context.Background(), RouteFilter{Family: 7}); !errors.Is(err, ErrInvalidOptions) {
		t.Errorf("family 7: %v, want ErrInvalidOptions", err)
	}
}

// comparable strips what the kernel adds to a route we asked for.
func comparable(r Route) Route {
	r.CacheInfo = RouteCacheInfo{}
	r.Flags &^= RTNH_F_LINKDOWN
	r.Pref = 0
	return r
}

func TestRouteOperationsRoundTrip(t *testing.T) {
	ns := newTestNS(t)
	ns.ip("addr add 10.0.1.1/24 dev veth1")
	c := ns.dial(0)
	veth0, veth1 := ns.ifindex("veth0"), ns.ifindex("veth1")
	ctx := context.Background()
	routes := []Route{
		{Family: unix.AF_INET, Dst: netip.MustParsePrefix("10.11.0.0/16"), Gateway: netip.MustParseAddr("10.0.0.2"), OutIfIndex: veth0,
			Table: RT_TABLE_MAIN, Protocol: RTPROT_STATIC, Type: RTN_UNICAST, Priority: 20,
			Metrics: &RouteMetrics{MTU: 1400, AdvMSS: 1360}},
		{Family: unix.AF_INET, Dst: netip.MustParsePrefix("10.12.0.0/16"), Table: 5000, Protocol: RTPROT_BOOT, Type: RTN_UNICAST,
			MultiPath: []NextHop{{Gateway: netip.MustParseAddr("10.0.0.2"), IfIndex: veth0, Weight: 1}, {Gateway: netip.MustParseAddr("10.0.1.2"), IfIndex: veth1, Weight: 7}}},
		{Family: unix.AF_INET, Dst: netip.MustParsePrefix("10.13.0.0/16"), Table: RT_TABLE_MAIN, Protocol: RTPROT_BOOT, Type: RTN_BLACKHOLE},
		{Family: unix.AF_INET, Dst: netip.MustParsePrefix("10.14.0.0/16"), Table: RT_TABLE_MAIN, Protocol: RTPROT_BOOT, Type: RTN_UNICAST,
			Scope: RT_SCOPE_LINK, OutIfIndex: veth0, PrefSrc: netip.MustParseAddr("10.0.0.1")},
		{Family: unix.AF_INET6, Dst: netip.MustParsePrefix("2001:db8:20::/48"), Gateway: netip.MustParseAddr("2001:db8::2"), OutIfIndex: veth0,
			Table: RT_TABLE_MAIN, Protocol: RTPROT_STATIC, Type: RTN_UNICAST, Priority: 1024},
		{Family: unix.AF_INET6, Dst: netip.MustParsePrefix("2001:db8:21::/48"), Table: 100, Protocol: RTPROT_BOOT, Type: RTN_UNREACHABLE, Priority: 1024,
			OutIfIndex: 1},
		{Family: unix.AF_INET, Dst: netip.MustParsePrefix("10.15.0.0/16"), Table: 300, Protocol: RTPROT_BGP, Type: RTN_PROHIBIT, Priority: 5},
		{Family: unix.AF_INET6, Dst: netip.MustParsePrefix("2001:db8:22::/48"), Table: RT_TABLE_MAIN, Protocol: RTPROT_STATIC, Type: RTN_UNICAST, Priority: 1024,
			Metrics: &RouteMetrics{MTU: 1280}, MultiPath: []NextHop{
				{Gateway: netip.MustParseAddr("2001:db8::2"), IfIndex: veth0, Weight: 1},
				{Gateway: netip.MustParseAddr("2001:db8::3"), IfIndex: veth0, Weight: 5}}},
	}
	for _, r := range routes {
		if err := c.AddRoute(ctx, &r); err != nil {
			t.Fatalf("AddRoute %v: %v", r, err)
		}
	}
	for _, want := range routes {
		got, err := c.ListRoutes(ctx, RouteFilter{Family: want.Family, Table: want.Table})
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for _, g := range got {
			if g.Dst == want.Dst {
				found = true
				if !reflect.DeepEqual(comparable(g), want) {
					t.Errorf("listed %#v\n want %#v", comparable(g), want)
				}
			}
		}
		if !found {
			t.Errorf("route %v not listed", want)
		}
	}
	// ip shows what we asked for, field by field.
	shown := map[string]ipRoute{}
	for _, fam := range []string{"-4", "-6"} {
		for _, j := range ns.ipRoutes(fam) {
			shown[j.Dst+" table "+j.Table] = j
		}
	}
	names := ns.linkNames(c)
	for _, r := range routes {
		k := ipDst(r.Dst) + " table " + r.Table.String()
		got, ok := shown[k]
		if !ok {
			t.Errorf("ip does not show %s", k)
			continue
		}
		want := asIP(*r.withDefaults(), names)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("ip shows %s as\n %+v\nwe asked for\n %+v", k, got, want)
		}
	}

	// Replace changes the gateway; append adds a route; delete removes.
	rep := routes[0]
	rep.Gateway = netip.MustParseAddr("10.0.0.3")
	if err := c.ReplaceRoute(ctx, &rep); err != nil {
		t.Fatal(err)
	}
	if out := ns.ip("route show 10.11.0.0/16"); !strings.Contains(out, "via 10.0.0.3") {
		t.Errorf("after replace ip shows %q", out)
	}
	app := Route{Dst: netip.MustParsePrefix("10.11.0.0/16"), Gateway: netip.MustParseAddr("10.0.1.2"), Priority: 30}
	if err := c.AppendRoute(ctx, &app); err != nil {
		t.Fatal(err)
	}
	if out := ns.ip("route show 10.11.0.0/16"); !strings.Contains(out, "via 10.0.1.2") || !strings.Contains(out, "via 10.0.0.3") {
		t.Errorf("after append ip shows %q", out)
	}
	for _, r := range routes {
		if err := c.DeleteRoute(ctx, &Route{Dst: r.Dst, Table: r.Table, Priority: r.Priority}); err != nil {
			t.Errorf("DeleteRoute %v: %v", r.Dst, err)
		}
	}
	if err := c.DeleteRoute(ctx, &app); err != nil {
		t.Errorf("DeleteRoute appended: %v", err)
	}
	for _, fam := range []string{"-4", "-6"} {
		for _, j := range ns.ipRoutes(fam) {
			for _, r := range routes {
				if j.Dst == ipDst(r.Dst) {
					t.Errorf("route %s still there after delete", j.Dst)
				}
			}
		}
	}
}

func TestRouteOperationErrors(t *testing.T) {
	ns := newTestNS(t)
	c := ns.dial(0)
	ctx := context.Background()
	r := Route{Dst: netip.MustParsePrefix("10.15.0.0/16"), Gateway: netip.MustParseAddr("10.0.0.2")}
	if err := c.AddRoute(ctx, &r); err != nil {
		t.Fatal(err)
	}
	err := c.AddRoute(ctx, &r)
	var ke *Error
	if !errors.Is(err, unix.EEXIST) || !errors.As(err, &ke) {
		t.Errorf("adding an existing route: %v, want a kernel EEXIST", err)
	} else if !strings.Contains(err.Error(), "file exists") {
		// The kernel sends no extended-ack text for this error; the
		// errno's own text must still be there.
		t.Errorf("EEXIST error text %q", err)
	}
	err = c.DeleteRoute(ctx, &Route{Dst: netip.MustParsePrefix("10.16.0.0/16")})
	if !errors.Is(err, unix.ESRCH) {
		t.Errorf("deleting a missing route: %v, want ESRCH", err)
	}
	err = c.AddRoute(ctx, &Route{Dst: netip.MustParsePrefix("10.17.0.0/16"), Gateway: netip.MustParseAddr("10.99.0.2")})
	if !errors.Is(err, unix.ENETUNREACH) || !errors.As(err, &ke) || ke.Message == "" {
		t.Errorf("unreachable gateway: %v, want ENETUNREACH with the kernel's text", err)
	}
	// Refused before sending.
	bad := []Route{
		{},
		{Gateway: netip.MustParseAddr("10.0.0.2")},
		{Dst: netip.MustParsePrefix("10.18.0.0/16"), Gateway: netip.MustParseAddr("2001:db8::2")},
		{Family: unix.AF_INET6, Dst: netip.MustParsePrefix("10.18.0.0/16")},
		{Dst: netip.MustParsePrefix("10.18.0.1/16")},
		{Dst: netip.MustParsePrefix("10.18.0.0/16"), MultiPath: []NextHop{{}}},
		{Dst: netip.MustParsePrefix("10.18.0.0/16"), MultiPath: []NextHop{{Gateway: netip.MustParseAddr("10.0.0.2"), Weight: 300}}},
	}
	for _, b := range bad {
		if err := c.AddRoute(ctx, &b); !errors.Is(err, ErrInvalidOptions) {
			t.Errorf("AddRoute(%#v) = %v, want ErrInvalidOptions", b, err)
		}
	}
	if err := c.AddRoute(ctx, nil); !errors.Is(err, ErrInvalidOptions) {
		t.Errorf("AddRoute(nil) = %v", err)
	}
	if err := c.DeleteRoute(ctx, nil); !errors.Is(err, ErrInvalidOptions) {
		t.Errorf("DeleteRoute(nil) = %v", err)
	}
}

func TestGetRoute(t *testing.T) {
	ns := newTestNS(t)
	c := ns.dial(0)
	ctx := context.Background()
	ns.ip("route add 10.19.0.0/16 via 10.0.0.5 table 100")
	ns.ip("rule add to 10.19.0.0/16 lookup 100")
	ns.ip("route add 10.20.0.0/16 via 10.0.0.3")
	veth0 := ns.ifindex("veth0")

	r, err := c.GetRoute(ctx, RouteQuery{Dst: netip.MustParseAddr("10.20.1.2")})
	if err != nil {
		t.Fatal(err)
	}
	if r.Gateway != netip.MustParseAddr("10.0.0.3") || r.OutIfIndex != veth0 || r.Dst != netip.MustParsePrefix("10.20.1.2/32") {
		t.Errorf("GetRoute = %v", r)
	}
	if r.PrefSrc != netip.MustParseAddr("10.0.0.1") || r.Table != RT_TABLE_MAIN {
		t.Errorf("GetRoute source/table: %v", r)
	}
	r, err = c.GetRoute(ctx, RouteQuery{Dst: netip.MustParseAddr("10.19.1.2"), Mark: 7})
	if err != nil {
		t.Fatal(err)
	}
	if r.Table != 100 || r.Gateway != netip.MustParseAddr("10.0.0.5") || r.Mark != 7 {
		t.Errorf("GetRoute via rule = %v", r)
	}
	fib, err := c.GetRoute(ctx, RouteQuery{Dst: netip.MustParseAddr("10.20.1.2"), FIBMatch: true})
	if err != nil {
		t.Fatal(err)
	}
	if fib.Dst != netip.MustParsePrefix("10.20.0.0/16") {
		t.Errorf("fibmatch = %v, want the 10.20.0.0/16 entry", fib)
	}
	r6, err := c.GetRoute(ctx, RouteQuery{Dst: netip.MustParseAddr("2001:db8::99"), Src: netip.MustParseAddr("2001:db8::1")})
	if err != nil {
		t.Fatal(err)
	}
	if r6.OutIfIndex != veth0 || r6.Family != unix.AF_INET6 {
		t.Errorf("IPv6 GetRoute = %v", r6)
	}
	// A forwarded packet: input interface and source.
	if out, err := exec.Command("ip", "netns", "exec", ns.name, "sysctl", "-qw", "net.ipv4.ip_forward=1").CombinedOutput(); err != nil {
		t.Fatalf("sysctl: %v: %s", err, out)
	}
	veth1 := ns.ifindex("veth1")
	fwd, err := c.GetRoute(ctx, RouteQuery{Dst: netip.MustParseAddr("10.20.1.2"), Src: netip.MustParseAddr("10.0.0.9"), InIfIndex: veth1})
	if err != nil {
		t.Fatal(err)
	}
	if fwd.InIfIndex != veth1 || fwd.OutIfIndex != veth0 || fwd.Gateway != netip.MustParseAddr("10.0.0.3") {
		t.Errorf("GetRoute with iif = %v", fwd)
	}
	// A forced output interface.
	oif, err := c.GetRoute(ctx, RouteQuery{Dst: netip.MustParseAddr("10.0.0.77"), OutIfIndex: veth1})
	if err != nil {
		t.Fatal(err)
	}
	if oif.OutIfIndex != veth1 {
		t.Errorf("GetRoute with oif = %v", oif)
	}
	if _, err := c.GetRoute(ctx, RouteQuery{Dst: netip.MustParseAddr("192.0.2.1")}); !errors.Is(err, unix.ENETUNREACH) {
		t.Errorf("no route: %v, want ENETUNREACH", err)
	}
	if _, err := c.GetRoute(ctx, RouteQuery{}); !errors.Is(err, ErrInvalidOptions) {
		t.Errorf("empty query: %v", err)
	}
}

func TestRouteNotificationsDecodeLikeDumps(t *testing.T) {
	ns := newTestNS(t)
	ch := make(chan *Message, 16)
	watcher := ns.new()
	watcher.Notify(ch)
	c := ns.dial(0)
	ctx := context.Background()
	want := Route{Dst: netip.MustParsePrefix("10.33.0.0/16"), Gateway: netip.MustParseAddr("10.0.0.5"), Priority: 7,
		Protocol: RTPROT_STATIC, Metrics: &RouteMetrics{MTU: 1400}}
	if err := c.AddRoute(ctx, &want); err != nil {
		t.Fatal(err)
	}
	m := nextMatching(t, ch, isRoute(t, RTM_NEWROUTE, "10.33.0.0/16"))
	got, err := DecodeRoute(m)
	if err != nil {
		t.Fatal(err)
	}
	listed, err := c.ListRoutes(ctx, RouteFilter{Family: unix.AF_INET, Protocol: RTPROT_STATIC})
	if err != nil || len(listed) != 1 {
		t.Fatalf("listed %v, %v", listed, err)
	}
	if !reflect.DeepEqual(got, listed[0]) {
		t.Errorf("notification decodes to\n %#v\nthe dump to\n %#v", got, listed[0])
	}
	if err := c.DeleteRoute(ctx, &got); err != nil {
		t.Fatal(err)
	}
	m = nextMatching(t, ch, isRoute(t, RTM_DELROUTE, "10.33.0.0/16"))
	if del, err := DecodeRoute(m); err != nil || del.Gateway != want.Gateway {
		t.Errorf("RTM_DELROUTE decodes to %v, %v", del, err)
	}
}
