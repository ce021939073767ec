//go:build linux

package netlink

import (
	"go/ast"
	"go/parser"
	"go/token"
	"net/netip"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/sys/unix"
)

// routeKernelSocket is a plain blocking NETLINK_ROUTE socket inside a test
// namespace, independent of Connection, for the route codec tests.
type routeKernelSocket struct {
	t   *testing.T
	fd  int
	seq uint32
}

// newRouteKernelSocket opens a socket in the namespace of ns.
func newRouteKernelSocket(t *testing.T, ns *testNS) *routeKernelSocket {
	t.Helper()
	fd := -1
	err := inNetNS(ns.name, func() error {
		var err error
		fd, err = unix.Socket(unix.AF_NETLINK, unix.SOCK_RAW|unix.SOCK_CLOEXEC, unix.NETLINK_ROUTE)
		return err
	})
	if err != nil {
		t.Fatalf("socket: %v", err)
	}
	t.Cleanup(func() { unix.Close(fd) })
	if err := unix.Bind(fd, &unix.SockaddrNetlink{Family: unix.AF_NETLINK}); err != nil {
		t.Fatalf("bind: %v", err)
	}
	tv := unix.Timeval{Sec: 5}
	if err := unix.SetsockoptTimeval(fd, unix.SOL_SOCKET, unix.SO_RCVTIMEO, &tv); err != nil {
		t.Fatalf("SO_RCVTIMEO: %v", err)
	}
	if err := unix.SetsockoptInt(fd, unix.SOL_NETLINK, unix.NETLINK_EXT_ACK, 1); err != nil {
		t.Fatalf("NETLINK_EXT_ACK: %v", err)
	}
	return &routeKernelSocket{t: t, fd: fd}
}

// do sends one request with NLM_F_ACK and returns the messages of the
// reply until the acknowledgement or NLMSG_DONE, or the kernel's error.
func (s *routeKernelSocket) do(typ, flags uint16, data []byte) ([]Message, error) {
	s.t.Helper()
	s.seq++
	m := Message{Header: Header{Type: typ, Flags: flags | NLM_F_REQUEST | NLM_F_ACK, Seq: s.seq}, Data: data}
	b, err := m.MarshalBinary()
	if err != nil {
		s.t.Fatalf("MarshalBinary: %v", err)
	}
	if err := unix.Sendto(s.fd, b, 0, &unix.SockaddrNetlink{Family: unix.AF_NETLINK}); err != nil {
		s.t.Fatalf("sendto: %v", err)
	}
	var out []Message
	buf := make([]byte, 1<<16)
	for {
		n, _, err := unix.Recvfrom(s.fd, buf, 0)
		if err != nil {
			s.t.Fatalf("recvfrom: %v", err)
		}
		msgs, err := DecodeMessages(buf[:n])
		if err != nil {
			s.t.Fatalf("DecodeMessages: %v", err)
		}
		for _, m := range msgs {
			if m.Seq != s.seq {
				continue
			}
			switch m.Type {
			case NLMSG_DONE, NLMSG_ERROR:
				return out, decodeErrorPayload(m.Header, m.Data)
			}
			out = append(out, m)
		}
	}
}

// dump returns every route of the namespace, IPv4 and IPv6.
func (s *routeKernelSocket) dump() []Route {
	s.t.Helper()
	var routes []Route
	for _, family := range []uint8{afInet, afInet6} {
		msgs, err := s.do(RTM_GETROUTE, NLM_F_DUMP, []byte{family, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0})
		if err != nil {
			s.t.Fatalf("dump: %v", err)
		}
		for i := range msgs {
			r, err := DecodeRoute(&msgs[i])
			if err != nil {
				s.t.Fatalf("DecodeRoute(%v): %v", &msgs[i], err)
			}
			routes = append(routes, r)
		}
	}
	return routes
}

// routeLinkNames returns the interface names of ns by index.
func routeLinkNames(ns *testNS) map[int]string {
	names := map[int]string{}
	for _, line := range strings.Split(ns.ip("-o link show"), "\n") {
		f := strings.SplitN(line, ": ", 3)
		if len(f) < 2 {
			continue
		}
		i, err := strconv.Atoi(f[0])
		if err != nil {
			continue
		}
		names[i], _, _ = strings.Cut(f[1], "@")
	}
	return names
}

// routeIPLines returns the routes ip prints, one per line with single
// spaces (the line continuations of -o dropped).
func routeIPLines(ns *testNS, args string) map[string]bool {
	lines := map[string]bool{}
	for _, line := range strings.Split(ns.ip(args), "\n") {
		var words []string
		for _, w := range strings.Fields(line) {
			if w = strings.TrimSuffix(w, `\`); w != "" {
				words = append(words, w)
			}
		}
		if len(words) > 0 {
			lines[strings.Join(words, " ")] = true
		}
	}
	return lines
}

// routeKernelRoundTrip checks that r re-encodes to a payload that decodes
// to r again.
func routeKernelRoundTrip(t *testing.T, r Route) {
	t.Helper()
	b, err := r.MarshalBinary()
	if err != nil {
		t.Errorf("%v: MarshalBinary: %v", r, err)
		return
	}
	var got Route
	if err := got.UnmarshalBinary(b); err != nil {
		t.Errorf("%v: UnmarshalBinary(MarshalBinary): %v", r, err)
		return
	}
	if !reflect.DeepEqual(got, r) {
		t.Errorf("round trip changed the route:\n got %#v\nwant %#v", got, r)
	}
}

// TestRouteKernelDecode adds routes of many kinds with iproute2, dumps
// them, and checks that every decoded route prints as ip route prints
// it and survives an encode-decode round trip.
func TestRouteKernelDecode(t *testing.T) {
	ns := newTestNS(t)
	cmds := []string{
		"route add 10.1.0.0/16 via 10.0.0.2 dev veth0 proto static metric 100 table 100",
		"route add blackhole 10.9.0.0/16",
		"route add 10.2.0.0/16 nexthop via 10.0.0.2 dev veth0 weight 2 nexthop via 10.0.0.3 dev veth0",
		"route add 10.3.0.0/16 via 10.0.0.2 mtu lock 1400 advmss 1300 congctl lock cubic rto_min 200ms features ecn hoplimit 10 initcwnd 10 initrwnd 20 quickack 1 rtt 100ms rttvar 50ms window 1000 ssthresh 30 cwnd 40 reordering 5 fastopen_no_cookie 1",
		"route add 10.4.0.0/16 via inet6 fe80::1 dev veth0",
		"route add 10.5.0.0/24 dev veth0 table 1000",
		"route add 10.17.0.0/24 dev veth0 table 4000000000 proto 17",
		"route add unreachable 10.6.0.0/16",
		"route add prohibit 10.7.0.0/16 metric 5",
		"route add throw 10.8.0.0/16 table 7",
		"route add 10.10.0.0/16 via 192.168.9.9 dev veth0 onlink src 10.0.0.1",
		"route add 10.13.0.0/16 via 10.0.0.2 proto bgp",
		"route add 10.18.0.0/16 via 10.0.0.2 proto 200 scope 7",
		"route add 10.12.0.0/16 via 10.0.0.2 tos 0x20",
		"route add local 10.14.0.1 dev lo table 55",
		"route add default via 10.0.0.2 table 9",
		"route add 10.19.0.0/16 via 10.0.0.2 congctl reno",
		"route add 10.20.0.0/16 via 10.0.0.2 congctl lock bbr",
		"route add 10.21.0.0/16 via 10.0.0.2 realms 3/4",
		"route add 10.22.0.0/16 via 10.0.0.2 realm 5",
		"nexthop add id 10 via 10.0.0.2 dev veth0",
		"route add 10.16.0.0/16 nhid 10",
	}
	cmds6 := []string{
		"route add 2001:db8:1::/64 via fe80::1 dev veth0 pref high",
		"route add 2001:db8:4::/64 nexthop via 2001:db8::2 dev veth0 weight 3 nexthop via 2001:db8::3 dev veth0",
		"route add blackhole 2001:db8:5::/64 metric 7 table 8",
		"route add 2001:db8:6::/64 dev veth0 mtu 1300 pref low proto ra",
		"route add default via 2001:db8::2 dev veth0 metric 10",
		"route add 2001:db8:7::/64 dev veth0 expires 3000",
	}
	ns.batch(cmds)
	for _, c := range cmds6 {
		ns.ip("-6 " + c)
	}
	// Source-specific IPv6 routes need CONFIG_IPV6_SUBTREES.
	ns.tryIP("-6 route add 2001:db8:2::/64 from 2001:db8:3::/64 via 2001:db8::2 dev veth0")

	names := routeLinkNames(ns)
	ifname := func(i int) string { return names[i] }
	want := routeIPLines(ns, "-o route show table all")
	for line := range routeIPLines(ns, "-o -6 route show table all") {
		want[line] = true
	}

	s := newRouteKernelSocket(t, ns)
	routes := s.dump()
	if len(routes) < len(cmds)+len(cmds6) {
		t.Fatalf("dumped %d routes, want at least %d", len(routes), len(cmds)+len(cmds6))
	}
	got := map[string]bool{}
	for _, r := range routes {
		line := r.Format(ifname)
		got[line] = true
		if !want[line] {
			t.Errorf("decoded route prints as\n\t%s\nwhich ip route does not print; %#v", line, r)
		}
		routeKernelRoundTrip(t, r)
	}
	for line := range want {
		if !got[line] {
			t.Errorf("ip route prints\n\t%s\nbut no decoded route prints so", line)
		}
	}
}

// TestRouteKernelEncode adds, looks up and deletes routes encoded by
// MarshalBinary, and checks what the kernel made of them.
func TestRouteKernelEncode(t *testing.T) {
	ns := newTestNS(t)
	names := routeLinkNames(ns)
	veth0 := 0
	for i, n := range names {
		if n == "veth0" {
			veth0 = i
		}
	}
	if veth0 == 0 {
		t.Fatalf("no veth0 among %v", names)
	}
	ifname := func(i int) string { return names[i] }
	s := newRouteKernelSocket(t, ns)

	uid := uint32(1000)
	routes := []struct {
		route Route
		ip    string // how ip route prints it
	}{
		{
			Route{Dst: netip.MustParsePrefix("10.1.0.0/16"), Gateway: netip.MustParseAddr("10.0.0.2"),
				OutIfIndex: veth0, Table: 100, Protocol: RTPROT_STATIC, Type: RTN_UNICAST, Priority: 100},
			"10.1.0.0/16 via 10.0.0.2 dev veth0 table 100 proto static metric 100",
		},
		{
			Route{Dst: netip.MustParsePrefix("10.2.0.0/16"), Table: 70000, Protocol: RTPROT_BGP, Type: RTN_UNICAST,
				MultiPath: []NextHop{
					{Gateway: netip.MustParseAddr("10.0.0.2"), IfIndex: veth0, Weight: 2},
					{Gateway: netip.MustParseAddr("10.0.0.3"), IfIndex: veth0},
				}},
			"10.2.0.0/16 table 70000 proto bgp nexthop via 10.0.0.2 dev veth0 weight 2 nexthop via 10.0.0.3 dev veth0 weight 1",
		},
		{
			Route{Family: afInet, Type: RTN_BLACKHOLE, Table: 5, Protocol: RTPROT_BOOT},
			"blackhole default table 5",
		},
		{
			Route{Dst: netip.MustParsePrefix("10.3.0.0/16"), Gateway: netip.MustParseAddr("10.0.0.2"), OutIfIndex: veth0, Type: RTN_UNICAST,
				Protocol: RTPROT_BOOT, PrefSrc: netip.MustParseAddr("10.0.0.1"),
				Metrics: &RouteMetrics{MTU: 1400, AdvMSS: 1300, CCAlgo: "cubic", Lock: 1<<RTAX_MTU | 1<<RTAX_CC_ALGO, Features: RTAX_FEATURE_ECN, RTOMin: 200, HopLimit: 9}},
			"10.3.0.0/16 via 10.0.0.2 dev veth0 src 10.0.0.1 mtu lock 1400 advmss 1300 hoplimit 9 features ecn rto_min 200ms congctl lock cubic",
		},
		{
			Route{Dst: netip.MustParsePrefix("10.4.0.0/16"), Via: netip.MustParseAddr("fe80::1"), OutIfIndex: veth0,
				Type: RTN_UNICAST, Protocol: RTPROT_BOOT},
			"10.4.0.0/16 via inet6 fe80::1 dev veth0",
		},
		{
			Route{Dst: netip.MustParsePrefix("10.10.0.0/16"), Gateway: netip.MustParseAddr("192.168.9.9"), OutIfIndex: veth0,
				Flags: RTNH_F_ONLINK, Type: RTN_UNICAST, Protocol: RTPROT_KEEPALIVED},
			"10.10.0.0/16 via 192.168.9.9 dev veth0 proto keepalived onlink",
		},
		{
			Route{Dst: netip.MustParsePrefix("2001:db8:1::/64"), Gateway: netip.MustParseAddr("fe80::1"), OutIfIndex: veth0,
				Pref: RoutePreferenceHigh, Type: RTN_UNICAST, Protocol: RTPROT_RA, Priority: 5},
			"2001:db8:1::/64 via fe80::1 dev veth0 proto ra metric 5 pref high",
		},
		{
			Route{Dst: netip.MustParsePrefix("2001:db8:4::/64"), Type: RTN_UNICAST, Protocol: RTPROT_BOOT, Priority: 1024,
				MultiPath: []NextHop{
					{Gateway: netip.MustParseAddr("2001:db8::2"), IfIndex: veth0, Weight: 3},
					{Gateway: netip.MustParseAddr("2001:db8::3"), IfIndex: veth0, Weight: 1},
				}},
			"2001:db8:4::/64 metric 1024 pref medium nexthop via 2001:db8::2 dev veth0 weight 3 nexthop via 2001:db8::3 dev veth0 weight 1",
		},
		{
			Route{Dst: netip.MustParsePrefix("2001:db8:5::/64"), Type: RTN_PROHIBIT, Table: 300, Priority: 7, Protocol: RTPROT_BOOT, OutIfIndex: 1},
			"prohibit 2001:db8:5::/64 dev lo table 300 metric 7 pref medium",
		},
	}
	for _, tc := range routes {
		if got := tc.route.Format(ifname); got != tc.ip {
			t.Errorf("Format before adding:\n got %s\nwant %s", got, tc.ip)
		}
		b, err := tc.route.MarshalBinary()
		if err != nil {
			t.Fatalf("%v: MarshalBinary: %v", tc.route, err)
		}
		if _, err := s.do(RTM_NEWROUTE, NLM_F_CREATE|NLM_F_EXCL, b); err != nil {
			t.Fatalf("RTM_NEWROUTE %v: %v", tc.route, err)
		}
	}
	want := routeIPLines(ns, "-o route show table all")
	for line := range routeIPLines(ns, "-o -6 route show table all") {
		want[line] = true
	}
	for _, tc := range routes {
		if !want[tc.ip] {
			t.Errorf("after adding %#v, ip route does not print\n\t%s\nit prints %v", tc.route, tc.ip, want)
		}
	}

	// A route lookup with the lookup fields, compared with ip route get.
	get := Route{Dst: netip.MustParsePrefix("10.3.1.1/32"), Mark: 7, UID: &uid, IPProto: unix.IPPROTO_TCP, SPort: 1234, DPort: 80}
	b, err := get.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	msgs, err := s.do(RTM_GETROUTE, 0, b)
	if err != nil || len(msgs) != 1 {
		t.Fatalf("RTM_GETROUTE: %d messages, %v", len(msgs), err)
	}
	reply, err := DecodeRoute(&msgs[0])
	if err != nil {
		t.Fatalf("DecodeRoute(reply): %v", err)
	}
	if reply.OutIfIndex != veth0 || reply.UID == nil || *reply.UID != uid || reply.Mark != 7 ||
		reply.Gateway != netip.MustParseAddr("10.0.0.2") || reply.Flags&RTM_F_CLONED == 0 {
		t.Errorf("route get reply %#v", reply)
	}
	gotGet := strings.Join(strings.Fields(strings.ReplaceAll(reply.Format(ifname), `\`, "")), " ")
	wantGet := routeIPLines(ns, "-o route get 10.3.1.1 mark 7 uid 1000 ipproto tcp sport 1234 dport 80")
	if !wantGet[gotGet] {
		t.Errorf("route get reply prints as\n\t%s\nip route get prints %v", gotGet, wantGet)
	}
	routeKernelRoundTrip(t, reply)

	// Deleting with the decoded routes themselves.
	for _, r := range s.dump() {
		if r.Table == RT_TABLE_LOCAL || r.Protocol == RTPROT_KERNEL {
			continue
		}
		b, err := r.MarshalBinary()
		if err != nil {
			t.Fatalf("%v: MarshalBinary: %v", r, err)
		}
		if _, err := s.do(RTM_DELROUTE, 0, b); err != nil {
			t.Errorf("RTM_DELROUTE %v: %v", r, err)
		}
	}
	for _, r := range s.dump() {
		if r.Table != RT_TABLE_LOCAL && r.Protocol != RTPROT_KERNEL {
			t.Errorf("route %v left after deleting every route", r)
		}
	}
}

// TestRouteConstantsMatchUnix checks every constant of route_types.go
// against golang.org/x/sys/unix, or against the kernel's headers for
// those unix lacks.
func TestRouteConstantsMatchUnix(t *testing.T) {
	want := map[string]int64{
		"RTA_UNSPEC": unix.RTA_UNSPEC, "RTA_DST": unix.RTA_DST, "RTA_SRC": unix.RTA_SRC, "RTA_IIF": unix.RTA_IIF,
		"RTA_OIF": unix.RTA_OIF, "RTA_GATEWAY": unix.RTA_GATEWAY, "RTA_PRIORITY": unix.RTA_PRIORITY,
		"RTA_PREFSRC": unix.RTA_PREFSRC, "RTA_METRICS": unix.RTA_METRICS, "RTA_MULTIPATH": unix.RTA_MULTIPATH,
		"RTA_FLOW": unix.RTA_FLOW, "RTA_CACHEINFO": unix.RTA_CACHEINFO, "RTA_TABLE": unix.RTA_TABLE,
		"RTA_MARK": unix.RTA_MARK, "RTA_MFC_STATS": unix.RTA_MFC_STATS, "RTA_VIA": unix.RTA_VIA,
		"RTA_NEWDST": unix.RTA_NEWDST, "RTA_PREF": unix.RTA_PREF, "RTA_ENCAP_TYPE": unix.RTA_ENCAP_TYPE,
		"RTA_ENCAP": unix.RTA_ENCAP, "RTA_EXPIRES": unix.RTA_EXPIRES, "RTA_PAD": unix.RTA_PAD, "RTA_UID": unix.RTA_UID,
		"RTA_TTL_PROPAGATE": unix.RTA_TTL_PROPAGATE, "RTA_IP_PROTO": unix.RTA_IP_PROTO, "RTA_SPORT": unix.RTA_SPORT,
		"RTA_DPORT": unix.RTA_DPORT,
		// enum rtattr_type_t entries unix does not define.
		"RTA_PROTOINFO": 10, "RTA_SESSION": 13, "RTA_MP_ALGO": 14, "RTA_NH_ID": 30, "RTA_FLOWLABEL": 31,
		// include/uapi/linux/rtnetlink.h, include/uapi/linux/icmpv6.h
		"RTNL_FAMILY_IPMR": 128, "RTNL_FAMILY_IP6MR": 129,
		"ICMPV6_ROUTER_PREF_LOW": 3, "ICMPV6_ROUTER_PREF_MEDIUM": 0, "ICMPV6_ROUTER_PREF_HIGH": 1, "ICMPV6_ROUTER_PREF_INVALID": 2,

		"RTN_UNSPEC": unix.RTN_UNSPEC, "RTN_UNICAST": unix.RTN_UNICAST, "RTN_LOCAL": unix.RTN_LOCAL,
		"RTN_BROADCAST": unix.RTN_BROADCAST, "RTN_ANYCAST": unix.RTN_ANYCAST, "RTN_MULTICAST": unix.RTN_MULTICAST,
		"RTN_BLACKHOLE": unix.RTN_BLACKHOLE, "RTN_UNREACHABLE": unix.RTN_UNREACHABLE, "RTN_PROHIBIT": unix.RTN_PROHIBIT,
		"RTN_THROW": unix.RTN_THROW, "RTN_NAT": unix.RTN_NAT, "RTN_XRESOLVE": unix.RTN_XRESOLVE,

		"RTPROT_UNSPEC": unix.RTPROT_UNSPEC, "RTPROT_REDIRECT": unix.RTPROT_REDIRECT, "RTPROT_KERNEL": unix.RTPROT_KERNEL,
		"RTPROT_BOOT": unix.RTPROT_BOOT, "RTPROT_STATIC": unix.RTPROT_STATIC, "RTPROT_GATED": unix.RTPROT_GATED,
		"RTPROT_RA": unix.RTPROT_RA, "RTPROT_MRT": unix.RTPROT_MRT, "RTPROT_ZEBRA": unix.RTPROT_ZEBRA,
		"RTPROT_BIRD": unix.RTPROT_BIRD, "RTPROT_DNROUTED": unix.RTPROT_DNROUTED, "RTPROT_XORP": unix.RTPROT_XORP,
		"RTPROT_NTK": unix.RTPROT_NTK, "RTPROT_DHCP": unix.RTPROT_DHCP, "RTPROT_MROUTED": unix.RTPROT_MROUTED,
		"RTPROT_KEEPALIVED": unix.RTPROT_KEEPALIVED, "RTPROT_BABEL": unix.RTPROT_BABEL, "RTPROT_OVN": unix.RTPROT_OVN,
		"RTPROT_OPENR": unix.RTPROT_OPENR, "RTPROT_BGP": unix.RTPROT_BGP, "RTPROT_ISIS": unix.RTPROT_ISIS,
		"RTPROT_OSPF": unix.RTPROT_OSPF, "RTPROT_RIP": unix.RTPROT_RIP, "RTPROT_EIGRP": unix.RTPROT_EIGRP,

		"RT_SCOPE_UNIVERSE": unix.RT_SCOPE_UNIVERSE, "RT_SCOPE_SITE": unix.RT_SCOPE_SITE, "RT_SCOPE_LINK": unix.RT_SCOPE_LINK,
		"RT_SCOPE_HOST": unix.RT_SCOPE_HOST, "RT_SCOPE_NOWHERE": unix.RT_SCOPE_NOWHERE,

		"RT_TABLE_UNSPEC": unix.RT_TABLE_UNSPEC, "RT_TABLE_COMPAT": unix.RT_TABLE_COMPAT, "RT_TABLE_DEFAULT": unix.RT_TABLE_DEFAULT,
		"RT_TABLE_MAIN": unix.RT_TABLE_MAIN, "RT_TABLE_LOCAL": unix.RT_TABLE_LOCAL, "RT_TABLE_MAX": unix.RT_TABLE_MAX,

		"RTM_F_NOTIFY": unix.RTM_F_NOTIFY, "RTM_F_CLONED": unix.RTM_F_CLONED, "RTM_F_EQUALIZE": unix.RTM_F_EQUALIZE,
		"RTM_F_PREFIX": unix.RTM_F_PREFIX, "RTM_F_LOOKUP_TABLE": unix.RTM_F_LOOKUP_TABLE, "RTM_F_FIB_MATCH": unix.RTM_F_FIB_MATCH,
		"RTM_F_OFFLOAD": unix.RTM_F_OFFLOAD, "RTM_F_TRAP": unix.RTM_F_TRAP, "RTM_F_OFFLOAD_FAILED": unix.RTM_F_OFFLOAD_FAILED,

		"RTNH_F_DEAD": unix.RTNH_F_DEAD, "RTNH_F_PERVASIVE": unix.RTNH_F_PERVASIVE, "RTNH_F_ONLINK": unix.RTNH_F_ONLINK,
		"RTNH_F_OFFLOAD": unix.RTNH_F_OFFLOAD, "RTNH_F_LINKDOWN": unix.RTNH_F_LINKDOWN, "RTNH_F_UNRESOLVED": unix.RTNH_F_UNRESOLVED,
		"RTNH_F_TRAP": unix.RTNH_F_TRAP, "RTNH_COMPARE_MASK": unix.RTNH_COMPARE_MASK,

		"RTAX_UNSPEC": unix.RTAX_UNSPEC, "RTAX_LOCK": unix.RTAX_LOCK, "RTAX_MTU": unix.RTAX_MTU, "RTAX_WINDOW": unix.RTAX_WINDOW,
		"RTAX_RTT": unix.RTAX_RTT, "RTAX_RTTVAR": unix.RTAX_RTTVAR, "RTAX_SSTHRESH": unix.RTAX_SSTHRESH, "RTAX_CWND": unix.RTAX_CWND,
		"RTAX_ADVMSS": unix.RTAX_ADVMSS, "RTAX_REORDERING": unix.RTAX_REORDERING, "RTAX_HOPLIMIT": unix.RTAX_HOPLIMIT,
		"RTAX_INITCWND": unix.RTAX_INITCWND, "RTAX_FEATURES": unix.RTAX_FEATURES, "RTAX_RTO_MIN": unix.RTAX_RTO_MIN,
		"RTAX_INITRWND": unix.RTAX_INITRWND, "RTAX_QUICKACK": unix.RTAX_QUICKACK, "RTAX_CC_ALGO": unix.RTAX_CC_ALGO,
		"RTAX_FASTOPEN_NO_COOKIE": unix.RTAX_FASTOPEN_NO_COOKIE,
		"RTAX_FEATURE_ECN":        unix.RTAX_FEATURE_ECN, "RTAX_FEATURE_SACK": unix.RTAX_FEATURE_SACK,
		"RTAX_FEATURE_TIMESTAMP": unix.RTAX_FEATURE_TIMESTAMP, "RTAX_FEATURE_ALLFRAG": unix.RTAX_FEATURE_ALLFRAG,
		"RTAX_FEATURE_TCP_USEC_TS": unix.RTAX_FEATURE_TCP_USEC_TS, "RTAX_FEATURE_MASK": unix.RTAX_FEATURE_MASK,

		"LWTUNNEL_ENCAP_NONE": unix.LWTUNNEL_ENCAP_NONE, "LWTUNNEL_ENCAP_MPLS": unix.LWTUNNEL_ENCAP_MPLS,
		"LWTUNNEL_ENCAP_IP": unix.LWTUNNEL_ENCAP_IP, "LWTUNNEL_ENCAP_ILA": unix.LWTUNNEL_ENCAP_ILA,
		"LWTUNNEL_ENCAP_IP6": unix.LWTUNNEL_ENCAP_IP6, "LWTUNNEL_ENCAP_SEG6": unix.LWTUNNEL_ENCAP_SEG6,
		"LWTUNNEL_ENCAP_BPF": unix.LWTUNNEL_ENCAP_BPF, "LWTUNNEL_ENCAP_SEG6_LOCAL": unix.LWTUNNEL_ENCAP_SEG6_LOCAL,
		"LWTUNNEL_ENCAP_RPL": unix.LWTUNNEL_ENCAP_RPL, "LWTUNNEL_ENCAP_IOAM6": unix.LWTUNNEL_ENCAP_IOAM6,
		"LWTUNNEL_ENCAP_XFRM": unix.LWTUNNEL_ENCAP_XFRM,
	}
	got := map[string]int64{
		"RTA_UNSPEC": RTA_UNSPEC, "RTA_DST": RTA_DST, "RTA_SRC": RTA_SRC, "RTA_IIF": RTA_IIF, "RTA_OIF": RTA_OIF,
		"RTA_GATEWAY": RTA_GATEWAY, "RTA_PRIORITY": RTA_PRIORITY, "RTA_PREFSRC": RTA_PREFSRC, "RTA_METRICS": RTA_METRICS,
		"RTA_MULTIPATH": RTA_MULTIPATH, "RTA_PROTOINFO": RTA_PROTOINFO, "RTA_FLOW": RTA_FLOW, "RTA_CACHEINFO": RTA_CACHEINFO,
		"RTA_SESSION": RTA_SESSION, "RTA_MP_ALGO": RTA_MP_ALGO, "RTA_TABLE": RTA_TABLE, "RTA_MARK": RTA_MARK,
		"RTA_MFC_STATS": RTA_MFC_STATS, "RTA_VIA": RTA_VIA, "RTA_NEWDST": RTA_NEWDST, "RTA_PREF": RTA_PREF,
		"RTA_ENCAP_TYPE": RTA_ENCAP_TYPE, "RTA_ENCAP": RTA_ENCAP, "RTA_EXPIRES": RTA_EXPIRES, "RTA_PAD": RTA_PAD,
		"RTA_UID": RTA_UID, "RTA_TTL_PROPAGATE": RTA_TTL_PROPAGATE, "RTA_IP_PROTO": RTA_IP_PROTO, "RTA_SPORT": RTA_SPORT,
		"RTA_DPORT": RTA_DPORT, "RTA_NH_ID": RTA_NH_ID, "RTA_FLOWLABEL": RTA_FLOWLABEL,
		"RTNL_FAMILY_IPMR": RTNL_FAMILY_IPMR, "RTNL_FAMILY_IP6MR": RTNL_FAMILY_IP6MR,
		"ICMPV6_ROUTER_PREF_LOW": ICMPV6_ROUTER_PREF_LOW, "ICMPV6_ROUTER_PREF_MEDIUM": ICMPV6_ROUTER_PREF_MEDIUM,
		"ICMPV6_ROUTER_PREF_HIGH": ICMPV6_ROUTER_PREF_HIGH, "ICMPV6_ROUTER_PREF_INVALID": ICMPV6_ROUTER_PREF_INVALID,
		"RTN_UNSPEC": RTN_UNSPEC, "RTN_UNICAST": RTN_UNICAST, "RTN_LOCAL": RTN_LOCAL, "RTN_BROADCAST": RTN_BROADCAST,
		"RTN_ANYCAST": RTN_ANYCAST, "RTN_MULTICAST": RTN_MULTICAST, "RTN_BLACKHOLE": RTN_BLACKHOLE,
		"RTN_UNREACHABLE": RTN_UNREACHABLE, "RTN_PROHIBIT": RTN_PROHIBIT, "RTN_THROW": RTN_THROW, "RTN_NAT": RTN_NAT,
		"RTN_XRESOLVE":  RTN_XRESOLVE,
		"RTPROT_UNSPEC": RTPROT_UNSPEC, "RTPROT_REDIRECT": RTPROT_REDIRECT, "RTPROT_KERNEL": RTPROT_KERNEL,
		"RTPROT_BOOT": RTPROT_BOOT, "RTPROT_STATIC": RTPROT_STATIC, "RTPROT_GATED": RTPROT_GATED, "RTPROT_RA": RTPROT_RA,
		"RTPROT_MRT": RTPROT_MRT, "RTPROT_ZEBRA": RTPROT_ZEBRA, "RTPROT_BIRD": RTPROT_BIRD, "RTPROT_DNROUTED": RTPROT_DNROUTED,
		"RTPROT_XORP": RTPROT_XORP, "RTPROT_NTK": RTPROT_NTK, "RTPROT_DHCP": RTPROT_DHCP, "RTPROT_MROUTED": RTPROT_MROUTED,
		"RTPROT_KEEPALIVED": RTPROT_KEEPALIVED, "RTPROT_BABEL": RTPROT_BABEL, "RTPROT_OVN": RTPROT_OVN,
		"RTPROT_OPENR": RTPROT_OPENR, "RTPROT_BGP": RTPROT_BGP, "RTPROT_ISIS": RTPROT_ISIS, "RTPROT_OSPF": RTPROT_OSPF,
		"RTPROT_RIP": RTPROT_RIP, "RTPROT_EIGRP": RTPROT_EIGRP,
		"RT_SCOPE_UNIVERSE": RT_SCOPE_UNIVERSE, "RT_SCOPE_SITE": RT_SCOPE_SITE, "RT_SCOPE_LINK": RT_SCOPE_LINK,
		"RT_SCOPE_HOST": RT_SCOPE_HOST, "RT_SCOPE_NOWHERE": RT_SCOPE_NOWHERE,
		"RT_TABLE_UNSPEC": RT_TABLE_UNSPEC, "RT_TABLE_COMPAT": RT_TABLE_COMPAT, "RT_TABLE_DEFAULT": RT_TABLE_DEFAULT,
		"RT_TABLE_MAIN": RT_TABLE_MAIN, "RT_TABLE_LOCAL": RT_TABLE_LOCAL, "RT_TABLE_MAX": RT_TABLE_MAX,
		"RTM_F_NOTIFY": RTM_F_NOTIFY, "RTM_F_CLONED": RTM_F_CLONED, "RTM_F_EQUALIZE": RTM_F_EQUALIZE,
		"RTM_F_PREFIX": RTM_F_PREFIX, "RTM_F_LOOKUP_TABLE": RTM_F_LOOKUP_TABLE, "RTM_F_FIB_MATCH": RTM_F_FIB_MATCH,
		"RTM_F_OFFLOAD": RTM_F_OFFLOAD, "RTM_F_TRAP": RTM_F_TRAP, "RTM_F_OFFLOAD_FAILED": RTM_F_OFFLOAD_FAILED,
		"RTNH_F_DEAD": RTNH_F_DEAD, "RTNH_F_PERVASIVE": RTNH_F_PERVASIVE, "RTNH_F_ONLINK": RTNH_F_ONLINK,
		"RTNH_F_OFFLOAD": RTNH_F_OFFLOAD, "RTNH_F_LINKDOWN": RTNH_F_LINKDOWN, "RTNH_F_UNRESOLVED": RTNH_F_UNRESOLVED,
		"RTNH_F_TRAP": RTNH_F_TRAP, "RTNH_COMPARE_MASK": RTNH_COMPARE_MASK,
		"RTAX_UNSPEC": RTAX_UNSPEC, "RTAX_LOCK": RTAX_LOCK, "RTAX_MTU": RTAX_MTU, "RTAX_WINDOW": RTAX_WINDOW,
		"RTAX_RTT": RTAX_RTT, "RTAX_RTTVAR": RTAX_RTTVAR, "RTAX_SSTHRESH": RTAX_SSTHRESH, "RTAX_CWND": RTAX_CWND,
		"RTAX_ADVMSS": RTAX_ADVMSS, "RTAX_REORDERING": RTAX_REORDERING, "RTAX_HOPLIMIT": RTAX_HOPLIMIT,
		"RTAX_INITCWND": RTAX_INITCWND, "RTAX_FEATURES": RTAX_FEATURES, "RTAX_RTO_MIN": RTAX_RTO_MIN,
		"RTAX_INITRWND": RTAX_INITRWND, "RTAX_QUICKACK": RTAX_QUICKACK, "RTAX_CC_ALGO": RTAX_CC_ALGO,
		"RTAX_FASTOPEN_NO_COOKIE": RTAX_FASTOPEN_NO_COOKIE,
		"RTAX_FEATURE_ECN":        RTAX_FEATURE_ECN, "RTAX_FEATURE_SACK": RTAX_FEATURE_SACK,
		"RTAX_FEATURE_TIMESTAMP": RTAX_FEATURE_TIMESTAMP, "RTAX_FEATURE_ALLFRAG": RTAX_FEATURE_ALLFRAG,
		"RTAX_FEATURE_TCP_USEC_TS": RTAX_FEATURE_TCP_USEC_TS, "RTAX_FEATURE_MASK": RTAX_FEATURE_MASK,
		"LWTUNNEL_ENCAP_NONE": LWTUNNEL_ENCAP_NONE, "LWTUNNEL_ENCAP_MPLS": LWTUNNEL_ENCAP_MPLS,
		"LWTUNNEL_ENCAP_IP": LWTUNNEL_ENCAP_IP, "LWTUNNEL_ENCAP_ILA": LWTUNNEL_ENCAP_ILA,
		"LWTUNNEL_ENCAP_IP6": LWTUNNEL_ENCAP_IP6, "LWTUNNEL_ENCAP_SEG6": LWTUNNEL_ENCAP_SEG6,
		"LWTUNNEL_ENCAP_BPF": LWTUNNEL_ENCAP_BPF, "LWTUNNEL_ENCAP_SEG6_LOCAL": LWTUNNEL_ENCAP_SEG6_LOCAL,
		"LWTUNNEL_ENCAP_RPL": LWTUNNEL_ENCAP_RPL, "LWTUNNEL_ENCAP_IOAM6": LWTUNNEL_ENCAP_IOAM6,
		"LWTUNNEL_ENCAP_XFRM": LWTUNNEL_ENCAP_XFRM,
	}
	for name, v := range want {
		if g, ok := got[name]; !ok || g != v {
			t.Errorf("%s = %d (defined %v), want %d", name, g, ok, v)
		}
	}
	// Every untyped upper-case constant of route_types.go is checked.
	f, err := parser.ParseFile(token.NewFileSet(), "route_types.go", nil, parser.SkipObjectResolution)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range f.Decls {
		g, ok := d.(*ast.GenDecl)
		if !ok || g.Tok != token.CONST {
			continue
		}
		for _, spec := range g.Specs {
			vs := spec.(*ast.ValueSpec)
			for _, n := range vs.Names {
				if vs.Type == nil && n.IsExported() && strings.ToUpper(n.Name) == n.Name {
					if _, ok := want[n.Name]; !ok {
						t.Errorf("constant %s is not checked", n.Name)
					}
				}
			}
		}
	}
}
