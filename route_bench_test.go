package netlink

import (
	"net/netip"
	"testing"
)

// rtBenchRoutes are typical routes as the kernel sends them.
func rtBenchRoutes() []struct {
	name string
	r    Route
} {
	return []struct {
		name string
		r    Route
	}{
		{"ipv4-simple", Route{Family: afInet, Dst: rtP("0.0.0.0/0"), Gateway: rtA("10.0.0.2"), OutIfIndex: 3,
			Table: RT_TABLE_MAIN, Protocol: RTPROT_DHCP, Type: RTN_UNICAST, Priority: 100, PrefSrc: rtA("10.0.0.1")}},
		{"ipv6-kernel", Route{Family: afInet6, Dst: rtP("2001:db8:1::/64"), Gateway: rtA("fe80::1"), OutIfIndex: 3,
			Table: RT_TABLE_MAIN, Protocol: RTPROT_RA, Type: RTN_UNICAST, Priority: 1024, Pref: RoutePreferenceHigh,
			CacheInfo: RouteCacheInfo{Expires: 29900}}},
		{"ipv4-metrics", Route{Family: afInet, Dst: rtP("10.3.0.0/16"), Gateway: rtA("10.0.0.2"), OutIfIndex: 3,
			Table: RT_TABLE_MAIN, Type: RTN_UNICAST,
			Metrics: &RouteMetrics{Lock: 1 << RTAX_MTU, MTU: 1400, AdvMSS: 1300, Features: RTAX_FEATURE_ECN, RTOMin: 200, CCAlgo: "cubic"}}},
		{"ipv4-multipath", Route{Family: afInet, Dst: rtP("10.2.0.0/16"), Table: RT_TABLE_MAIN, Protocol: RTPROT_BGP,
			Type: RTN_UNICAST, MultiPath: []NextHop{
				{Gateway: rtA("10.0.0.2"), IfIndex: 3, Weight: 2},
				{Gateway: rtA("10.0.0.3"), IfIndex: 3, Weight: 1},
				{Gateway: rtA("10.0.0.4"), IfIndex: 4, Weight: 1},
				{Gateway: rtA("10.0.0.5"), IfIndex: 4, Weight: 1},
			}}},
		{"ipv4-lookup-reply", Route{Family: afInet, Dst: netip.PrefixFrom(rtA("10.3.1.1"), 32), Gateway: rtA("10.0.0.2"),
			OutIfIndex: 3, PrefSrc: rtA("10.0.0.1"), Table: RT_TABLE_MAIN, Type: RTN_UNICAST, Flags: RTM_F_CLONED,
			Mark: 7, UID: rtUint32(1000), CacheInfo: RouteCacheInfo{Used: 1}}},
	}
}

// BenchmarkDecodeRoute decodes typical kernel route messages.
func BenchmarkDecodeRoute(b *testing.B) {
	for _, bc := range rtBenchRoutes() {
		data, err := bc.r.MarshalBinary()
		if err != nil {
			b.Fatal(err)
		}
		m := &Message{Header: Header{Type: RTM_NEWROUTE}, Data: data}
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				if _, err := DecodeRoute(m); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkEncodeRoute encodes typical routes into a reused buffer.
func BenchmarkEncodeRoute(b *testing.B) {
	for _, bc := range rtBenchRoutes() {
		r := bc.r
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			buf := make([]byte, 0, 512)
			for b.Loop() {
				var err error
				if buf, err = r.AppendBinary(buf[:0]); err != nil {
					b.Fatal(err)
				}
			}
			b.SetBytes(int64(len(buf)))
		})
	}
}

// BenchmarkRouteString prints a typical route.
func BenchmarkRouteString(b *testing.B) {
	r := rtBenchRoutes()[0].r
	b.ReportAllocs()
	for b.Loop() {
		_ = r.String()
	}
}
