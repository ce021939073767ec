package netlink

import (
	"encoding/binary"
	"fmt"
	"math"
	"net/netip"
	"strconv"
	"strings"
)

// Address families of routes (AF_INET and AF_INET6 as Linux numbers
// them; rtm_family is always in the kernel's numbering).
const (
	afInet  = AF_INET
	afInet6 = AF_INET6
)

// Sizes of the kernel structures a route message holds.
const (
	rtmsgLen        = 12 // struct rtmsg
	rtnexthopLen    = 8  // struct rtnexthop
	rtaCacheinfoLen = 32 // struct rta_cacheinfo
	rtaCacheinfoMin = 20 // struct rta_cacheinfo before rta_id, rta_ts, rta_tsage
)

// userHZ is the kernel's USER_HZ, the clock ticks per second of the
// times in struct rta_cacheinfo (jiffies_to_clock_t).
const userHZ = 100

// Route is a routing table entry: struct rtmsg and its RTA_* attributes,
// as the kernel sends them in RTM_NEWROUTE and RTM_DELROUTE messages and
// accepts them in RTM_NEWROUTE, RTM_DELROUTE and RTM_GETROUTE requests.
// Addresses are net/netip values; an invalid (zero) netip.Addr or
// netip.Prefix means the attribute is absent, and so does a zero number
// unless a field's comment says otherwise.
//
// UnmarshalBinary and DecodeRoute decode a Route; AppendBinary and
// MarshalBinary encode one; String prints it as ip route does.
type Route struct {
	// Family is the address family (rtm_family): AF_INET (2) or AF_INET6
	// (10), or RTNL_FAMILY_IPMR or RTNL_FAMILY_IP6MR for multicast
	// routes. When encoding, zero means the family of Dst.
	Family uint8
	// Dst is the destination (RTA_DST and rtm_dst_len). A decoded IPv4
	// or IPv6 route always has a valid Dst; a default route has
	// 0.0.0.0/0 or ::/0. When encoding, the zero Prefix means a default
	// route too if Family is set, and host bits beyond the prefix length
	// are an error.
	Dst netip.Prefix
	// Src is the source prefix of a source-specific (IPv6 subtree)
	// route, or the source address of a route lookup (RTA_SRC and
	// rtm_src_len). It is the zero Prefix when the route has none.
	Src netip.Prefix
	// TOS is the type of service (DS field) the route matches (rtm_tos).
	TOS uint8
	// Table is the routing table (RTA_TABLE, which wins over the 8-bit
	// rtm_table). When encoding, a table up to 255 goes in both; a larger
	// one in RTA_TABLE with rtm_table set to RT_TABLE_COMPAT, as iproute2
	// does. Zero leaves the choice to the kernel (main, for a new route).
	Table RouteTable
	// Protocol tells who installed the route (rtm_protocol, RTPROT_*).
	Protocol RouteProtocol
	// Scope is the distance to the destination (rtm_scope, RT_SCOPE_*).
	Scope RouteScope
	// Type is the route type (rtm_type, RTN_*). Zero (RTN_UNSPEC) is a
	// wildcard in delete requests; the kernel refuses it for a new IPv4
	// route.
	Type RouteType
	// Flags are the RTM_F_* and RTNH_F_* flags (rtm_flags).
	Flags RouteFlags

	// Gateway is the next hop's address, of the route's own family
	// (RTA_GATEWAY).
	Gateway netip.Addr
	// Via is a gateway of another family (RTA_VIA, struct rtvia): an IPv6
	// next hop of an IPv4 route. Only IPv4 routes accept it.
	Via netip.Addr
	// OutIfIndex is the index of the output interface (RTA_OIF).
	OutIfIndex int
	// InIfIndex is the index of the input interface (RTA_IIF), of a
	// route lookup or a multicast route.
	InIfIndex int
	// Priority is the route's metric (RTA_PRIORITY), "metric" in ip
	// route. IPv6 routes always have one; 0 asks the kernel for its
	// default (1024 for IPv6).
	Priority uint32
	// PrefSrc is the preferred source address (RTA_PREFSRC).
	PrefSrc netip.Addr
	// Metrics are the route's metrics (RTA_METRICS, RTAX_*), nil when it
	// has none. A pointer, so that the many routes without metrics stay
	// small in large tables.
	Metrics *RouteMetrics
	// MultiPath lists the next hops of a multipath route (RTA_MULTIPATH).
	MultiPath []NextHop
	// Flow holds the routing realms (RTA_FLOW): from<<16 | to.
	Flow uint32
	// CacheInfo holds the kernel's statistics of the route
	// (RTA_CACHEINFO). It is read only: the kernel ignores it in
	// requests.
	CacheInfo RouteCacheInfo
	// Mark is the firewall mark of a route lookup (RTA_MARK).
	Mark uint32
	// Pref is the router preference of an IPv6 route (RTA_PREF). The
	// kernel sends it with every IPv6 route; zero is medium.
	Pref RoutePreference
	// EncapType is the type of the lightweight tunnel (RTA_ENCAP_TYPE,
	// LWTUNNEL_ENCAP_*).
	EncapType EncapType
	// Encap is the payload of RTA_ENCAP: the tunnel's own nested
	// attributes, kept as bytes.
	Encap []byte
	// Expires is the lifetime in seconds given to a new IPv6 route
	// (RTA_EXPIRES). The kernel reports the time left in
	// CacheInfo.Expires instead.
	Expires uint32
	// UID is the user id of a route lookup (RTA_UID), nil when absent.
	// The kernel puts one in every route lookup reply.
	UID *uint32
	// TTLPropagate tells whether an MPLS route copies the TTL
	// (RTA_TTL_PROPAGATE), nil when absent.
	TTLPropagate *bool
	// IPProto is the IP protocol of a route lookup (RTA_IP_PROTO).
	IPProto uint8
	// SPort is the source port of a route lookup (RTA_SPORT).
	SPort uint16
	// DPort is the destination port of a route lookup (RTA_DPORT).
	DPort uint16
	// NextHopID is the id of the nexthop object the route uses
	// (RTA_NH_ID).
	NextHopID uint32
	// FlowLabel is the IPv6 flow label of a route lookup (RTA_FLOWLABEL).
	FlowLabel uint32

	// Raw holds, in order, every attribute this type does not model, such
	// as RTA_MFC_STATS or RTA_NEWDST, with its own copy of the payload.
	// It also holds the address attributes of a family other than IPv4
	// and IPv6 (such as AF_MPLS), an RTA_VIA of another family, and the
	// 64-bit RTA_EXPIRES of a multicast route. Encoding appends them as
	// they are. RTA_PAD is dropped.
	Raw []Attribute
}

// RouteMetrics are the metrics of a route (RTA_METRICS, RTAX_*). A zero
// field is an absent metric, as the kernel sends no metric that is zero.
type RouteMetrics struct {
	// Lock is a bit mask with bit 1<<RTAX_* set for each metric the
	// kernel must not change ("lock" in ip route) (RTAX_LOCK).
	Lock uint32
	// MTU is the path MTU (RTAX_MTU).
	MTU uint32
	// Window is the TCP window clamp (RTAX_WINDOW).
	Window uint32
	// RTT is the initial TCP round-trip time in 1/8 ms (RTAX_RTT).
	RTT uint32
	// RTTVar is the initial TCP round-trip time variance in 1/4 ms
	// (RTAX_RTTVAR).
	RTTVar uint32
	// SSThresh is the initial TCP slow start threshold (RTAX_SSTHRESH).
	SSThresh uint32
	// CWnd is the TCP congestion window clamp (RTAX_CWND).
	CWnd uint32
	// AdvMSS is the advertised TCP MSS (RTAX_ADVMSS).
	AdvMSS uint32
	// Reordering is the initial TCP reordering threshold
	// (RTAX_REORDERING).
	Reordering uint32
	// HopLimit is the hop limit (TTL) of packets sent (RTAX_HOPLIMIT).
	HopLimit uint32
	// InitCWnd is the initial TCP congestion window (RTAX_INITCWND).
	InitCWnd uint32
	// Features holds RTAX_FEATURE_* bits (RTAX_FEATURES).
	Features uint32
	// RTOMin is the minimum TCP retransmission timeout in ms
	// (RTAX_RTO_MIN).
	RTOMin uint32
	// InitRWnd is the initial TCP receive window (RTAX_INITRWND).
	InitRWnd uint32
	// QuickAck turns TCP delayed acks off when 1 (RTAX_QUICKACK).
	QuickAck uint32
	// CCAlgo is the TCP congestion control algorithm, such as "cubic"
	// (RTAX_CC_ALGO).
	CCAlgo string
	// FastOpenNoCookie allows TCP Fast Open without a cookie when 1
	// (RTAX_FASTOPEN_NO_COOKIE).
	FastOpenNoCookie uint32
	// Raw holds metrics of types this type does not model, with their
	// own copy of the payload.
	Raw []Attribute
}

// NextHop is one next hop of a multipath route (struct rtnexthop in
// RTA_MULTIPATH, and the attributes it holds).
type NextHop struct {
	// Gateway is the next hop's address, of the route's family
	// (RTA_GATEWAY).
	Gateway netip.Addr
	// Via is a gateway of another family (RTA_VIA): an IPv6 next hop of
	// an IPv4 route.
	Via netip.Addr
	// IfIndex is the index of the output interface (rtnh_ifindex).
	IfIndex int
	// Weight is the next hop's share of the traffic, 1 to 256
	// (rtnh_hops+1). When encoding, 0 means 1. In a multicast route
	// rtnh_hops is a TTL threshold instead.
	Weight int
	// Flags are the RTNH_F_* flags (rtnh_flags, 8 bits).
	Flags RouteFlags
	// Flow holds the routing realms (RTA_FLOW): from<<16 | to.
	Flow uint32
	// EncapType is the type of the lightweight tunnel (RTA_ENCAP_TYPE).
	EncapType EncapType
	// Encap is the payload of RTA_ENCAP, kept as bytes.
	Encap []byte
	// Raw holds the next hop's other attributes, such as RTA_NEWDST, with
	// their own copy of the payload.
	Raw []Attribute
}

// RouteCacheInfo holds the kernel's statistics of a route (struct
// rta_cacheinfo, RTA_CACHEINFO). Times are in clock ticks (USER_HZ, 100
// per second).
type RouteCacheInfo struct {
	ClntRef uint32 // references to the route (rta_clntref)
	LastUse uint32 // ticks since the route was last used (rta_lastuse)
	Expires int32  // ticks until the route expires, 0 for never (rta_expires)
	Error   uint32 // error of an unreachable cached route (rta_error)
	Used    uint32 // times the route was used (rta_used)
	ID      uint32 // IP id of the peer, unused (rta_id)
	TS      uint32 // peer timestamp, unused (rta_ts)
	TSAge   uint32 // age of the peer timestamp, unused (rta_tsage)
}

// rtaNames names the RTA_* attributes in error messages. Never written.
var rtaNames = [...]string{
	RTA_UNSPEC:        "RTA_UNSPEC",
	RTA_DST:           "RTA_DST",
	RTA_SRC:           "RTA_SRC",
	RTA_IIF:           "RTA_IIF",
	RTA_OIF:           "RTA_OIF",
	RTA_GATEWAY:       "RTA_GATEWAY",
	RTA_PRIORITY:      "RTA_PRIORITY",
	RTA_PREFSRC:       "RTA_PREFSRC",
	RTA_METRICS:       "RTA_METRICS",
	RTA_MULTIPATH:     "RTA_MULTIPATH",
	RTA_PROTOINFO:     "RTA_PROTOINFO",
	RTA_FLOW:          "RTA_FLOW",
	RTA_CACHEINFO:     "RTA_CACHEINFO",
	RTA_SESSION:       "RTA_SESSION",
	RTA_MP_ALGO:       "RTA_MP_ALGO",
	RTA_TABLE:         "RTA_TABLE",
	RTA_MARK:          "RTA_MARK",
	RTA_MFC_STATS:     "RTA_MFC_STATS",
	RTA_VIA:           "RTA_VIA",
	RTA_NEWDST:        "RTA_NEWDST",
	RTA_PREF:          "RTA_PREF",
	RTA_ENCAP_TYPE:    "RTA_ENCAP_TYPE",
	RTA_ENCAP:         "RTA_ENCAP",
	RTA_EXPIRES:       "RTA_EXPIRES",
	RTA_PAD:           "RTA_PAD",
	RTA_UID:           "RTA_UID",
	RTA_TTL_PROPAGATE: "RTA_TTL_PROPAGATE",
	RTA_IP_PROTO:      "RTA_IP_PROTO",
	RTA_SPORT:         "RTA_SPORT",
	RTA_DPORT:         "RTA_DPORT",
	RTA_NH_ID:         "RTA_NH_ID",
	RTA_FLOWLABEL:     "RTA_FLOWLABEL",
}

// rtaName returns the kernel name of a route attribute type.
func rtaName(t uint16) string {
	if int(t) < len(rtaNames) {
		return rtaNames[t]
	}
	return "RTA_" + strconv.Itoa(int(t))
}

// familyBits returns the address size in bits of a route family, or 0
// for a family whose addresses Route does not model.
func familyBits(family uint8) int {
	switch family {
	case afInet, RTNL_FAMILY_IPMR:
		return 32
	case afInet6, RTNL_FAMILY_IP6MR:
		return 128
	}
	return 0
}

// DecodeRoute decodes the Route in m, an RTM_NEWROUTE, RTM_DELROUTE or
// RTM_GETROUTE message. Another message type, or a nil m, is an error
// wrapping ErrInvalidOptions; a payload that does not hold a route is an
// error wrapping ErrMalformed. The Route does not alias m.Data.
func DecodeRoute(m *Message) (Route, error) {
	var r Route
	if m == nil {
		return r, fmt.Errorf("%w: route: nil message", ErrInvalidOptions)
	}
	switch m.Type {
	case RTM_NEWROUTE, RTM_DELROUTE, RTM_GETROUTE:
	default:
		return r, fmt.Errorf("%w: route: %s message, want RTM_NEWROUTE, RTM_DELROUTE or RTM_GETROUTE",
			ErrInvalidOptions, MessageTypeString(m.Type))
	}
	err := r.UnmarshalBinary(m.Data)
	return r, err
}

// UnmarshalBinary decodes a route from b, the payload of a route message
// (Message.Data): struct rtmsg followed by RTA_* attributes. It resets r
// first and copies what it keeps, so b may be reused afterwards. A
// payload shorter than struct rtmsg, an attribute whose length
// disagrees with the buffer, or a payload of the wrong size for its
// attribute (an IPv6 address in an IPv4 route, a 3-byte RTA_OIF) is an
// error wrapping ErrMalformed, and r is left zero.
//
// A simple route, one with no multipath next hops, lookup user id,
// tunnel, unmodelled attributes or uncommon congestion control name, is
// decoded without allocating.
func (r *Route) UnmarshalBinary(b []byte) error {
	*r = Route{}
	if err := r.unmarshal(b); err != nil {
		*r = Route{}
		return err
	}
	return nil
}

// unmarshal does the work of UnmarshalBinary on a zero r.
func (r *Route) unmarshal(b []byte) error {
	if len(b) < rtmsgLen {
		return fmt.Errorf("%w: route: %d-byte payload, shorter than struct rtmsg (%d bytes)", ErrMalformed, len(b), rtmsgLen)
	}
	r.Family = b[0]
	dstLen, srcLen := int(b[1]), int(b[2])
	r.TOS = b[3]
	r.Table = RouteTable(b[4])
	r.Protocol = RouteProtocol(b[5])
	r.Scope = RouteScope(b[6])
	r.Type = RouteType(b[7])
	r.Flags = RouteFlags(binary.NativeEndian.Uint32(b[8:12]))

	bits := familyBits(r.Family)
	var dst, src netip.Addr
	var err error
	ad := NewAttributeDecoder(b[rtmsgLen:])
	for ad.Next() {
		t := ad.Type()
		switch t {
		case RTA_DST, RTA_SRC, RTA_GATEWAY, RTA_PREFSRC:
			if bits == 0 {
				r.Raw = append(r.Raw, ad.Attribute())
				continue
			}
			var a netip.Addr
			if a, err = routeAddr(&ad, bits); err != nil {
				return err
			}
			switch t {
			case RTA_DST:
				dst = a
			case RTA_SRC:
				src = a
			case RTA_GATEWAY:
				r.Gateway = a
			case RTA_PREFSRC:
				r.PrefSrc = a
			}
		case RTA_VIA:
			a, ok, err := routeVia(&ad)
			if err != nil {
				return err
			}
			if !ok {
				r.Raw = append(r.Raw, ad.Attribute())
				continue
			}
			r.Via = a
		case RTA_IIF:
			r.InIfIndex = int(ad.Int32())
		case RTA_OIF:
			r.OutIfIndex = int(ad.Int32())
		case RTA_PRIORITY:
			r.Priority = ad.Uint32()
		case RTA_METRICS:
			m := new(RouteMetrics)
			if err = m.unmarshal(ad.Bytes()); err != nil {
				return err
			}
			if !m.IsZero() {
				r.Metrics = m
			}
		case RTA_MULTIPATH:
			if r.MultiPath, err = unmarshalNextHops(ad.Bytes(), bits); err != nil {
				return err
			}
		case RTA_FLOW:
			r.Flow = ad.Uint32()
		case RTA_CACHEINFO:
			if r.CacheInfo, err = unmarshalCacheInfo(ad.Bytes()); err != nil {
				return err
			}
		case RTA_TABLE:
			r.Table = RouteTable(ad.Uint32())
		case RTA_MARK:
			r.Mark = ad.Uint32()
		case RTA_PREF:
			r.Pref = RoutePreference(ad.Uint8())
		case RTA_ENCAP_TYPE:
			r.EncapType = EncapType(ad.Uint16())
		case RTA_ENCAP:
			r.Encap = cloneNonEmpty(ad.Bytes())
		case RTA_EXPIRES:
			if ad.Len() == 8 { // clock ticks of a multicast route
				r.Raw = append(r.Raw, ad.Attribute())
				continue
			}
			r.Expires = ad.Uint32()
		case RTA_UID:
			uid := ad.Uint32()
			r.UID = &uid
		case RTA_TTL_PROPAGATE:
			on := ad.Uint8() != 0
			r.TTLPropagate = &on
		case RTA_IP_PROTO:
			r.IPProto = ad.Uint8()
		case RTA_SPORT:
			r.SPort = ad.BigEndianUint16()
		case RTA_DPORT:
			r.DPort = ad.BigEndianUint16()
		case RTA_NH_ID:
			r.NextHopID = ad.Uint32()
		case RTA_FLOWLABEL:
			if ad.Len() != 4 {
				return attrSizeError(t, ad.Len(), "a be32")
			}
			r.FlowLabel = binary.BigEndian.Uint32(ad.Bytes())
		case RTA_PAD:
		default:
			r.Raw = append(r.Raw, ad.Attribute())
		}
	}
	if err := ad.Err(); err != nil {
		return fmt.Errorf("route: %w", err)
	}

	if bits != 0 {
		if dstLen > bits {
			return fmt.Errorf("%w: route: rtm_dst_len %d exceeds the %d bits of the family's addresses", ErrMalformed, dstLen, bits)
		}
		if srcLen > bits {
			return fmt.Errorf("%w: route: rtm_src_len %d exceeds the %d bits of the family's addresses", ErrMalformed, srcLen, bits)
		}
		if !dst.IsValid() {
			dst = zeroAddr(bits)
		}
		r.Dst = netip.PrefixFrom(dst, dstLen)
		if srcLen > 0 || (src.IsValid() && !src.IsUnspecified()) {
			if !src.IsValid() {
				src = zeroAddr(bits)
			}
			r.Src = netip.PrefixFrom(src, srcLen)
		}
	}
	return nil
}

// attrSizeError reports an attribute payload of the wrong size.
func attrSizeError(t uint16, n int, want string) error {
	return fmt.Errorf("%w: route: %s: %d-byte payload is not %s", ErrMalformed, rtaName(t), n, want)
}

// zeroAddr returns the unspecified address of the given size.
func zeroAddr(bits int) netip.Addr {
	if bits == 32 {
		return netip.IPv4Unspecified()
	}
	return netip.IPv6Unspecified()
}

// routeAddr reads the current attribute as an address of bits bits.
func routeAddr(ad *AttributeDecoder, bits int) (netip.Addr, error) {
	p := ad.Bytes()
	switch {
	case bits == 32 && len(p) == 4:
		return netip.AddrFrom4([4]byte(p)), nil
	case bits == 128 && len(p) == 16:
		return netip.AddrFrom16([16]byte(p)), nil
	}
	return netip.Addr{}, attrSizeError(ad.Type(), len(p), fmt.Sprintf("a %d-bit address", bits))
}

// routeVia reads the current attribute as struct rtvia. It returns false
// for a family other than AF_INET and AF_INET6, and an error for a
// payload too short for the family field or the family's address.
func routeVia(ad *AttributeDecoder) (netip.Addr, bool, error) {
	p := ad.Bytes()
	if len(p) < 2 {
		return netip.Addr{}, false, attrSizeError(ad.Type(), len(p), "struct rtvia")
	}
	switch binary.NativeEndian.Uint16(p) {
	case afInet:
		if len(p) == 2+4 {
			return netip.AddrFrom4([4]byte(p[2:])), true, nil
		}
		return netip.Addr{}, false, attrSizeError(ad.Type(), len(p), "struct rtvia with an IPv4 address")
	case afInet6:
		if len(p) == 2+16 {
			return netip.AddrFrom16([16]byte(p[2:])), true, nil
		}
		return netip.Addr{}, false, attrSizeError(ad.Type(), len(p), "struct rtvia with an IPv6 address")
	}
	return netip.Addr{}, false, nil
}

// cloneNonEmpty returns a copy of b, or nil when b is empty.
func cloneNonEmpty(b []byte) []byte {
	if len(b) == 0 {
		return nil
	}
	return append([]byte(nil), b...)
}

// unmarshalCacheInfo decodes struct rta_cacheinfo. The kernel has sent
// 32 bytes since Linux 2.6; the first 20 are accepted alone.
func unmarshalCacheInfo(b []byte) (RouteCacheInfo, error) {
	if len(b) < rtaCacheinfoMin {
		return RouteCacheInfo{}, attrSizeError(RTA_CACHEINFO, len(b), "struct rta_cacheinfo")
	}
	var v [8]uint32
	for i := range v {
		if 4*i+4 > len(b) {
			break
		}
		v[i] = binary.NativeEndian.Uint32(b[4*i:])
	}
	return RouteCacheInfo{
		ClntRef: v[0], LastUse: v[1], Expires: int32(v[2]), Error: v[3],
		Used: v[4], ID: v[5], TS: v[6], TSAge: v[7],
	}, nil
}

// commonCCAlgos are congestion control names decoded without allocating.
// Never written.
var commonCCAlgos = [...]string{"cubic", "reno", "bbr", "dctcp", "htcp", "bic", "vegas", "westwood", "illinois", "hybla", "highspeed", "scalable", "yeah", "lp", "veno", "nv", "cdg"}

// ccAlgoName returns the string in b up to its first NUL, sharing the
// storage of the common names.
func ccAlgoName(b []byte) string {
	for i, c := range b {
		if c == 0 {
			b = b[:i]
			break
		}
	}
	for _, s := range commonCCAlgos {
		if string(b) == s {
			return s
		}
	}
	return string(b)
}

// field returns the field of the u32 metric t, or nil.
func (m *RouteMetrics) field(t uint16) *uint32 {
	switch t {
	case RTAX_LOCK:
		return &m.Lock
	case RTAX_MTU:
		return &m.MTU
	case RTAX_WINDOW:
		return &m.Window
	case RTAX_RTT:
		return &m.RTT
	case RTAX_RTTVAR:
		return &m.RTTVar
	case RTAX_SSTHRESH:
		return &m.SSThresh
	case RTAX_CWND:
		return &m.CWnd
	case RTAX_ADVMSS:
		return &m.AdvMSS
	case RTAX_REORDERING:
		return &m.Reordering
	case RTAX_HOPLIMIT:
		return &m.HopLimit
	case RTAX_INITCWND:
		return &m.InitCWnd
	case RTAX_FEATURES:
		return &m.Features
	case RTAX_RTO_MIN:
		return &m.RTOMin
	case RTAX_INITRWND:
		return &m.InitRWnd
	case RTAX_QUICKACK:
		return &m.QuickAck
	case RTAX_FASTOPEN_NO_COOKIE:
		return &m.FastOpenNoCookie
	}
	return nil
}

// IsZero reports whether m is nil or holds no metric, so that a route
// carries no RTA_METRICS.
func (m *RouteMetrics) IsZero() bool {
	return m == nil || m.Lock == 0 && m.MTU == 0 && m.Window == 0 && m.RTT == 0 && m.RTTVar == 0 &&
		m.SSThresh == 0 && m.CWnd == 0 && m.AdvMSS == 0 && m.Reordering == 0 &&
		m.HopLimit == 0 && m.InitCWnd == 0 && m.Features == 0 && m.RTOMin == 0 &&
		m.InitRWnd == 0 && m.QuickAck == 0 && m.CCAlgo == "" && m.FastOpenNoCookie == 0 &&
		len(m.Raw) == 0
}

// unmarshal decodes the payload of RTA_METRICS into a zero m.
func (m *RouteMetrics) unmarshal(b []byte) error {
	ad := NewAttributeDecoder(b)
	for ad.Next() {
		t := ad.Type()
		if t == RTAX_CC_ALGO {
			m.CCAlgo = ccAlgoName(ad.Bytes())
		} else if f := m.field(t); f != nil {
			*f = ad.Uint32()
		} else {
			m.Raw = append(m.Raw, ad.Attribute())
		}
	}
	if err := ad.Err(); err != nil {
		return fmt.Errorf("route: RTA_METRICS: %w", err)
	}
	return nil
}

// unmarshalNextHops decodes the payload of RTA_MULTIPATH, an array of
// struct rtnexthop each followed by its attributes.
func unmarshalNextHops(b []byte, bits int) ([]NextHop, error) {
	n := 0
	for rest := b; len(rest) > 0; n++ {
		if len(rest) < rtnexthopLen {
			return nil, fmt.Errorf("%w: route: RTA_MULTIPATH: %d trailing bytes, shorter than struct rtnexthop", ErrMalformed, len(rest))
		}
		l := int(binary.NativeEndian.Uint16(rest))
		if l < rtnexthopLen || l > len(rest) {
			return nil, fmt.Errorf("%w: route: RTA_MULTIPATH: rtnh_len %d outside %d..%d", ErrMalformed, l, rtnexthopLen, len(rest))
		}
		rest = rest[min(align(l), len(rest)):]
	}
	if n == 0 {
		return nil, nil
	}
	nhs := make([]NextHop, n)
	for i := range nhs {
		l := int(binary.NativeEndian.Uint16(b))
		if err := nhs[i].unmarshal(b[:l], bits); err != nil {
			return nil, err
		}
		b = b[min(align(l), len(b)):]
	}
	return nhs, nil
}

// unmarshal decodes one struct rtnexthop and its attributes, b holding
// exactly rtnh_len bytes.
func (nh *NextHop) unmarshal(b []byte, bits int) error {
	nh.Flags = RouteFlags(b[2])
	nh.Weight = int(b[3]) + 1
	nh.IfIndex = int(int32(binary.NativeEndian.Uint32(b[4:8])))
	ad := NewAttributeDecoder(b[rtnexthopLen:])
	for ad.Next() {
		switch t := ad.Type(); t {
		case RTA_GATEWAY:
			if bits == 0 {
				nh.Raw = append(nh.Raw, ad.Attribute())
				continue
			}
			a, err := routeAddr(&ad, bits)
			if err != nil {
				return err
			}
			nh.Gateway = a
		case RTA_VIA:
			a, ok, err := routeVia(&ad)
			if err != nil {
				return err
			}
			if !ok {
				nh.Raw = append(nh.Raw, ad.Attribute())
				continue
			}
			nh.Via = a
		case RTA_FLOW:
			nh.Flow = ad.Uint32()
		case RTA_ENCAP_TYPE:
			nh.EncapType = EncapType(ad.Uint16())
		case RTA_ENCAP:
			nh.Encap = cloneNonEmpty(ad.Bytes())
		case RTA_PAD:
		default:
			nh.Raw = append(nh.Raw, ad.Attribute())
		}
	}
	if err := ad.Err(); err != nil {
		return fmt.Errorf("route: RTA_MULTIPATH: %w", err)
	}
	return nil
}

// MarshalBinary encodes r as the payload of a route message: struct
// rtmsg followed by RTA_* attributes, suitable as the Data of an
// RTM_NEWROUTE, RTM_DELROUTE or RTM_GETROUTE Message. It validates r
// first (see Validate).
func (r *Route) MarshalBinary() ([]byte, error) {
	return r.AppendBinary(make([]byte, 0, 128))
}

// AppendBinary appends the encoding of r (see MarshalBinary) to b. On
// error it returns b unchanged in length and an error wrapping
// ErrInvalidOptions for a route that Validate rejects, or ErrMalformed
// for an attribute too long for its 16-bit length.
func (r *Route) AppendBinary(b []byte) ([]byte, error) {
	family, err := r.validate()
	if err != nil {
		return b, err
	}
	if len(b)%4 != 0 {
		// Attributes are padded to 4 bytes from the start of the
		// payload: encode apart, then append.
		p, err := r.appendBinary(make([]byte, 0, 128), family)
		if err != nil {
			return b, err
		}
		return append(b, p...), nil
	}
	return r.appendBinary(b, family)
}

// appendBinary encodes r, already validated, after b, whose length is a
// multiple of 4.
func (r *Route) appendBinary(b []byte, family uint8) ([]byte, error) {
	start := len(b)

	var h [rtmsgLen]byte
	h[0] = family
	if r.Dst.IsValid() {
		h[1] = uint8(r.Dst.Bits())
	}
	if r.Src.IsValid() {
		h[2] = uint8(r.Src.Bits())
	}
	h[3] = r.TOS
	if r.Table <= math.MaxUint8 {
		h[4] = uint8(r.Table)
	} else {
		h[4] = RT_TABLE_COMPAT
	}
	h[5] = uint8(r.Protocol)
	h[6] = uint8(r.Scope)
	h[7] = uint8(r.Type)
	binary.NativeEndian.PutUint32(h[8:], uint32(r.Flags))

	ae := AttributeEncoder{b: append(b, h[:]...)}
	if r.Table != 0 {
		ae.Uint32(RTA_TABLE, uint32(r.Table))
	}
	if prefixPresent(r.Dst) {
		ae.Addr(RTA_DST, r.Dst.Addr())
	}
	if prefixPresent(r.Src) {
		ae.Addr(RTA_SRC, r.Src.Addr())
	}
	if r.InIfIndex != 0 {
		ae.Uint32(RTA_IIF, uint32(r.InIfIndex))
	}
	if r.OutIfIndex != 0 {
		ae.Uint32(RTA_OIF, uint32(r.OutIfIndex))
	}
	if r.Gateway.IsValid() {
		ae.Addr(RTA_GATEWAY, r.Gateway)
	}
	if r.Priority != 0 {
		ae.Uint32(RTA_PRIORITY, r.Priority)
	}
	if r.PrefSrc.IsValid() {
		ae.Addr(RTA_PREFSRC, r.PrefSrc)
	}
	if !r.Metrics.IsZero() {
		r.Metrics.marshal(&ae)
	}
	if len(r.MultiPath) > 0 {
		marshalNextHops(&ae, r.MultiPath)
	}
	if r.Flow != 0 {
		ae.Uint32(RTA_FLOW, r.Flow)
	}
	if r.CacheInfo != (RouteCacheInfo{}) {
		marshalCacheInfo(&ae, &r.CacheInfo)
	}
	if r.Mark != 0 {
		ae.Uint32(RTA_MARK, r.Mark)
	}
	if r.Via.IsValid() {
		marshalVia(&ae, r.Via)
	}
	if r.Pref != 0 {
		ae.Uint8(RTA_PREF, uint8(r.Pref))
	}
	if r.EncapType != 0 {
		ae.Uint16(RTA_ENCAP_TYPE, uint16(r.EncapType))
	}
	if len(r.Encap) > 0 {
		ae.Attr(RTA_ENCAP|NLA_F_NESTED, r.Encap)
	}
	if r.Expires != 0 {
		ae.Uint32(RTA_EXPIRES, r.Expires)
	}
	if r.UID != nil {
		ae.Uint32(RTA_UID, *r.UID)
	}
	if r.TTLPropagate != nil {
		var v uint8
		if *r.TTLPropagate {
			v = 1
		}
		ae.Uint8(RTA_TTL_PROPAGATE, v)
	}
	if r.IPProto != 0 {
		ae.Uint8(RTA_IP_PROTO, r.IPProto)
	}
	if r.SPort != 0 {
		ae.BigEndianUint16(RTA_SPORT, r.SPort)
	}
	if r.DPort != 0 {
		ae.BigEndianUint16(RTA_DPORT, r.DPort)
	}
	if r.NextHopID != 0 {
		ae.Uint32(RTA_NH_ID, r.NextHopID)
	}
	if r.FlowLabel != 0 {
		var v [4]byte
		binary.BigEndian.PutUint32(v[:], r.FlowLabel)
		ae.Attr(RTA_FLOWLABEL, v[:])
	}
	for _, a := range r.Raw {
		ae.Attr(a.Type, a.Data)
	}
	if err := ae.Err(); err != nil {
		return b[:start], fmt.Errorf("route: %w", err)
	}
	return ae.b, nil
}

// prefixPresent reports whether p goes on the wire as an address
// attribute: any valid prefix except the zero-length unspecified one,
// which rtm_dst_len or rtm_src_len 0 alone expresses.
func prefixPresent(p netip.Prefix) bool {
	return p.IsValid() && (p.Bits() > 0 || !p.Addr().IsUnspecified())
}

// marshalVia appends an RTA_VIA attribute (struct rtvia) for a.
func marshalVia(ae *AttributeEncoder, a netip.Addr) {
	var buf [2 + 16]byte
	n := 2
	if a.Is4() {
		binary.NativeEndian.PutUint16(buf[:], afInet)
		v := a.As4()
		n += copy(buf[2:], v[:])
	} else {
		binary.NativeEndian.PutUint16(buf[:], afInet6)
		v := a.As16()
		n += copy(buf[2:], v[:])
	}
	ae.Attr(RTA_VIA, buf[:n])
}

// marshalCacheInfo appends an RTA_CACHEINFO attribute.
func marshalCacheInfo(ae *AttributeEncoder, ci *RouteCacheInfo) {
	var buf [rtaCacheinfoLen]byte
	for i, v := range [8]uint32{ci.ClntRef, ci.LastUse, uint32(ci.Expires), ci.Error, ci.Used, ci.ID, ci.TS, ci.TSAge} {
		binary.NativeEndian.PutUint32(buf[4*i:], v)
	}
	ae.Attr(RTA_CACHEINFO, buf[:])
}

// marshal appends an RTA_METRICS attribute holding the metrics that are
// not zero, in RTAX_* order.
func (m *RouteMetrics) marshal(ae *AttributeEncoder) {
	start := ae.begin(RTA_METRICS | NLA_F_NESTED)
	for t := uint16(RTAX_LOCK); t <= RTAX_FASTOPEN_NO_COOKIE; t++ {
		if t == RTAX_CC_ALGO {
			if m.CCAlgo != "" {
				ae.String(t, m.CCAlgo)
			}
			continue
		}
		if v := *m.field(t); v != 0 {
			ae.Uint32(t, v)
		}
	}
	for _, a := range m.Raw {
		ae.Attr(a.Type, a.Data)
	}
	ae.end(start)
}

// marshalNextHops appends an RTA_MULTIPATH attribute. Like the kernel and
// iproute2, it does not set NLA_F_NESTED: the payload is an array of
// structures, not attributes.
func marshalNextHops(ae *AttributeEncoder, nhs []NextHop) {
	start := ae.begin(RTA_MULTIPATH)
	for i := range nhs {
		nh := &nhs[i]
		nhStart := len(ae.b)
		var h [rtnexthopLen]byte
		h[2] = uint8(nh.Flags)
		if nh.Weight > 0 {
			h[3] = uint8(nh.Weight - 1)
		}
		binary.NativeEndian.PutUint32(h[4:], uint32(nh.IfIndex))
		ae.b = append(ae.b, h[:]...)
		if nh.Gateway.IsValid() {
			ae.Addr(RTA_GATEWAY, nh.Gateway)
		}
		if nh.Via.IsValid() {
			marshalVia(ae, nh.Via)
		}
		if nh.Flow != 0 {
			ae.Uint32(RTA_FLOW, nh.Flow)
		}
		if nh.EncapType != 0 {
			ae.Uint16(RTA_ENCAP_TYPE, uint16(nh.EncapType))
		}
		if len(nh.Encap) > 0 {
			ae.Attr(RTA_ENCAP|NLA_F_NESTED, nh.Encap)
		}
		for _, a := range nh.Raw {
			ae.Attr(a.Type, a.Data)
		}
		n := len(ae.b) - nhStart
		if n > math.MaxUint16 {
			if ae.err == nil {
				ae.err = fmt.Errorf("%w: RTA_MULTIPATH: next hop %d is %d bytes long, more than 65535", ErrMalformed, i, n)
			}
			n = math.MaxUint16
		}
		binary.NativeEndian.PutUint16(ae.b[nhStart:], uint16(n))
	}
	ae.end(start)
}

// Validate reports whether r can be encoded as a route request. The
// error, wrapping ErrInvalidOptions, names the first problem found: no
// address family (neither Family nor Dst), a
// family other than AF_INET and AF_INET6, an address or prefix of the
// other family (except Via), an invalid prefix length or host bits set
// beyond it, a zoned address, both Gateway and Via, Via in an IPv6
// route, a negative interface index, a next hop with neither gateway
// nor interface, a Weight outside 0..256 or Flags beyond 8 bits in a
// next hop, Encap without EncapType, or a NUL in Metrics.CCAlgo.
func (r Route) Validate() error {
	_, err := r.validate()
	return err
}

// invalidRoute returns an error wrapping ErrInvalidOptions.
func invalidRoute(format string, args ...any) error {
	return fmt.Errorf("%w: route: %s", ErrInvalidOptions, fmt.Sprintf(format, args...))
}

// family returns Family, or when it is zero the family of Dst, or 0.
// Other addresses do not count: a Route with a Gateway but neither
// Family nor Dst is more likely a mistake than a default route.
func (r *Route) family() uint8 {
	if r.Family != 0 {
		return r.Family
	}
	if a := r.Dst.Addr(); a.IsValid() {
		return addrFamily(a)
	}
	return 0
}

// addrFamily returns the family of a valid address.
func addrFamily(a netip.Addr) uint8 {
	if a.Is4() {
		return afInet
	}
	return afInet6
}

// familyWord names a family in error messages.
func familyWord(family uint8) string {
	if family == afInet {
		return "IPv4"
	}
	return "IPv6"
}

// validate checks r and returns the family to encode.
func (r *Route) validate() (uint8, error) {
	family := r.family()
	switch family {
	case afInet, afInet6:
	case 0:
		return 0, invalidRoute("no address family: set Dst, or Family for a default route")
	default:
		return 0, invalidRoute("address family %d is neither AF_INET (2) nor AF_INET6 (10)", family)
	}
	if err := checkPrefix("Dst", r.Dst, family); err != nil {
		return 0, err
	}
	if err := checkPrefix("Src", r.Src, family); err != nil {
		return 0, err
	}
	if err := checkAddr(fieldName{-1, "Gateway"}, r.Gateway, family); err != nil {
		return 0, err
	}
	if err := checkAddr(fieldName{-1, "PrefSrc"}, r.PrefSrc, family); err != nil {
		return 0, err
	}
	if err := checkVia(-1, r.Gateway, r.Via, family); err != nil {
		return 0, err
	}
	if err := checkIfIndex(fieldName{-1, "OutIfIndex"}, r.OutIfIndex); err != nil {
		return 0, err
	}
	if err := checkIfIndex(fieldName{-1, "InIfIndex"}, r.InIfIndex); err != nil {
		return 0, err
	}
	if len(r.Encap) > 0 && r.EncapType == 0 {
		return 0, invalidRoute("Encap without EncapType")
	}
	if r.Metrics != nil && strings.IndexByte(r.Metrics.CCAlgo, 0) >= 0 {
		return 0, invalidRoute("Metrics.CCAlgo %q holds a NUL byte", r.Metrics.CCAlgo)
	}
	for i := range r.MultiPath {
		if err := r.MultiPath[i].validate(i, family); err != nil {
			return 0, err
		}
	}
	return family, nil
}

// fieldName names a field of a Route (nh < 0) or of its next hop nh in
// error messages. It is only formatted when there is an error.
type fieldName struct {
	nh    int
	field string
}

// String returns "Field", "MultiPath[i].Field" or "MultiPath[i]".
func (f fieldName) String() string {
	if f.nh < 0 {
		return f.field
	}
	s := "MultiPath[" + strconv.Itoa(f.nh) + "]"
	if f.field != "" {
		s += "." + f.field
	}
	return s
}

// validate checks the i-th next hop of a route of the given family.
func (nh *NextHop) validate(i int, family uint8) error {
	if err := checkAddr(fieldName{i, "Gateway"}, nh.Gateway, family); err != nil {
		return err
	}
	if err := checkVia(i, nh.Gateway, nh.Via, family); err != nil {
		return err
	}
	if err := checkIfIndex(fieldName{i, "IfIndex"}, nh.IfIndex); err != nil {
		return err
	}
	if !nh.Gateway.IsValid() && !nh.Via.IsValid() && nh.IfIndex == 0 {
		return invalidRoute("%s has neither a gateway nor an interface", fieldName{i, ""})
	}
	if nh.Weight < 0 || nh.Weight > 256 {
		return invalidRoute("%s %d is outside 1..256 (0 means 1)", fieldName{i, "Weight"}, nh.Weight)
	}
	if nh.Flags > math.MaxUint8 {
		return invalidRoute("%s %#x do not fit the 8 bits of rtnh_flags", fieldName{i, "Flags"}, uint32(nh.Flags))
	}
	if len(nh.Encap) > 0 && nh.EncapType == 0 {
		return invalidRoute("%s without EncapType", fieldName{i, "Encap"})
	}
	return nil
}

// checkPrefix checks a prefix of a route of the given family; the zero
// Prefix passes.
func checkPrefix(name string, p netip.Prefix, family uint8) error {
	if p == (netip.Prefix{}) {
		return nil
	}
	if !p.IsValid() {
		return invalidRoute("%s: prefix length out of range for %s", name, p.Addr())
	}
	if f := addrFamily(p.Addr()); f != family {
		return invalidRoute("%s %s is %s but the route is %s", name, p, familyWord(f), familyWord(family))
	}
	if m := p.Masked(); m != p {
		return invalidRoute("%s %s has bits set beyond its prefix length (the prefix is %s)", name, p, m)
	}
	return nil
}

// checkAddr checks an address of the route's own family; the zero Addr
// passes.
func checkAddr(name fieldName, a netip.Addr, family uint8) error {
	if !a.IsValid() {
		return nil
	}
	if a.Zone() != "" {
		return invalidRoute("%s %s has a zone: set the interface index instead", name, a)
	}
	if f := addrFamily(a); f != family {
		return invalidRoute("%s %s is %s but the route is %s (a gateway of another family goes in Via)",
			name, a, familyWord(f), familyWord(family))
	}
	return nil
}

// checkVia checks the Via of the route (nh < 0) or of next hop nh beside
// its Gateway.
func checkVia(nh int, gw, via netip.Addr, family uint8) error {
	if !via.IsValid() {
		return nil
	}
	if gw.IsValid() {
		return invalidRoute("%s %s and %s %s both set", fieldName{nh, "Gateway"}, gw, fieldName{nh, "Via"}, via)
	}
	if via.Zone() != "" {
		return invalidRoute("%s %s has a zone: set the interface index instead", fieldName{nh, "Via"}, via)
	}
	if family != afInet {
		return invalidRoute("%s %s in an IPv6 route: the kernel accepts RTA_VIA only in IPv4 routes; use Gateway", fieldName{nh, "Via"}, via)
	}
	return nil
}

// checkIfIndex checks an interface index.
func checkIfIndex(name fieldName, i int) error {
	if i < 0 || i > math.MaxInt32 {
		return invalidRoute("%s %d is not an interface index", name, i)
	}
	return nil
}

// checkIndex checks an interface index named name.
func checkIndex(name string, i int) error {
	return checkIfIndex(fieldName{-1, name}, i)
}

// String returns r as ip route (iproute2 6.1) prints it, on one line,
// with interfaces as "if<index>" (see Format); for example
// "10.1.0.0/16 via 10.0.0.2 dev if2 table 100 proto static metric 100".
func (r Route) String() string {
	return r.Format(nil)
}

// Format returns r as ip route (iproute2 6.1) prints it, on one line:
// the type unless unicast, the destination ("default" for a zero-length
// prefix), then the words of ip route in its order ("from", "nhid",
// "encap", "tos", "via", "dev", "table" unless main, "proto" unless
// boot, "scope" unless global, "src", "metric", flags, "mark", "realms",
// "uid", "cache", "expires", "error", metrics, "iif", "pref",
// "ttl-propagate"), the lookup fields ip route does not print
// ("ipproto", "sport", "dport", "flowlabel"), and last each next hop as
// "nexthop via ... dev ... weight ...". ifname maps an interface index to its
// name; when it is nil or returns "", the interface prints as
// "if<index>", as iproute2 prints an index it cannot name.
func (r Route) Format(ifname func(index int) string) string {
	w := routeWriter{ifname: ifname}
	family := r.family()
	if r.Type != RTN_UNICAST && r.Type != RTN_UNSPEC {
		w.word(r.Type.String())
	}
	if prefixPresent(r.Dst) {
		w.prefix(r.Dst)
	} else {
		w.word("default")
	}
	if prefixPresent(r.Src) {
		w.word("from")
		w.prefix(r.Src)
	}
	if r.NextHopID != 0 {
		w.word("nhid")
		w.uint(uint64(r.NextHopID))
	}
	if r.EncapType != 0 || len(r.Encap) > 0 {
		w.word("encap")
		w.word(r.EncapType.String())
	}
	if r.TOS != 0 {
		w.word("tos")
		if name := dsfieldNames[r.TOS]; name != "" {
			w.word(name)
		} else {
			w.hex(uint64(r.TOS), 2)
		}
	}
	if r.Gateway.IsValid() {
		w.word("via")
		w.word(r.Gateway.String())
	}
	if r.Via.IsValid() {
		w.word("via")
		w.word(familyName(addrFamily(r.Via)))
		w.word(r.Via.String())
	}
	if r.OutIfIndex != 0 {
		w.dev(r.OutIfIndex)
	}
	if r.Table != RT_TABLE_UNSPEC && r.Table != RT_TABLE_MAIN {
		w.word("table")
		w.word(r.Table.String())
	}
	if r.Flags&RTM_F_CLONED == 0 {
		if r.Protocol != RTPROT_BOOT {
			w.word("proto")
			w.word(r.Protocol.String())
		}
		if r.Scope != RT_SCOPE_UNIVERSE {
			w.word("scope")
			w.word(r.Scope.String())
		}
	}
	if r.PrefSrc.IsValid() {
		w.word("src")
		w.word(r.PrefSrc.String())
	}
	if r.Priority != 0 || family == afInet6 {
		w.word("metric")
		w.uint(uint64(r.Priority))
	}
	w.flags(r.Flags)
	if r.Mark != 0 {
		w.word("mark")
		if r.Mark >= 16 {
			w.hex(uint64(r.Mark), 0)
		} else {
			w.uint(uint64(r.Mark))
		}
	}
	if r.Flow != 0 {
		w.realms(r.Flow)
	}
	if r.UID != nil {
		w.word("uid")
		w.uint(uint64(*r.UID))
	}
	if r.Flags&RTM_F_CLONED != 0 && family == afInet {
		w.word("cache")
	}
	if r.CacheInfo.Expires != 0 {
		w.word("expires")
		w.word(strconv.Itoa(int(r.CacheInfo.Expires/userHZ)) + "sec")
	} else if r.Expires != 0 {
		w.word("expires")
		w.word(strconv.FormatUint(uint64(r.Expires), 10) + "sec")
	}
	if r.CacheInfo.Error != 0 {
		w.word("error")
		w.uint(uint64(r.CacheInfo.Error))
	}
	if r.Metrics != nil {
		w.metrics(r.Metrics)
	}
	if r.InIfIndex != 0 {
		w.word("iif")
		w.name(r.InIfIndex)
	}
	if family == afInet6 || r.Pref != 0 {
		w.word("pref")
		w.word(r.Pref.String())
	}
	if r.TTLPropagate != nil {
		w.word("ttl-propagate")
		if *r.TTLPropagate {
			w.word("enabled")
		} else {
			w.word("disabled")
		}
	}
	if r.IPProto != 0 {
		w.word("ipproto")
		w.uint(uint64(r.IPProto))
	}
	if r.SPort != 0 {
		w.word("sport")
		w.uint(uint64(r.SPort))
	}
	if r.DPort != 0 {
		w.word("dport")
		w.uint(uint64(r.DPort))
	}
	if r.FlowLabel != 0 {
		w.word("flowlabel")
		w.hex(uint64(r.FlowLabel), 0)
	}
	// Last, so that nothing after the next hops seems to belong to the
	// last one.
	for i := range r.MultiPath {
		w.nextHop(&r.MultiPath[i])
	}
	return string(w.b)
}

// dsfieldNames are the names of DS field values in iproute2's
// etc/iproute2/rt_dsfield (DSCP classes shifted into the TOS byte).
// Never written.
var dsfieldNames = [256]string{
	0x28: "AF11", 0x30: "AF12", 0x38: "AF13",
	0x48: "AF21", 0x50: "AF22", 0x58: "AF23",
	0x68: "AF31", 0x70: "AF32", 0x78: "AF33",
	0x88: "AF41", 0x90: "AF42", 0x98: "AF43",
	0x20: "CS1", 0x40: "CS2", 0x60: "CS3", 0x80: "CS4",
	0xa0: "CS5", 0xc0: "CS6", 0xe0: "CS7", 0xb8: "EF",
}

// routeWriter builds the words of Route.Format.
type routeWriter struct {
	b      []byte
	ifname func(int) string
}

// space starts a new word.
func (w *routeWriter) space() {
	if len(w.b) > 0 {
		w.b = append(w.b, ' ')
	}
}

// word appends s as a word.
func (w *routeWriter) word(s string) {
	w.space()
	w.b = append(w.b, s...)
}

// uint appends a decimal number.
func (w *routeWriter) uint(v uint64) {
	w.space()
	w.b = strconv.AppendUint(w.b, v, 10)
}

// hex appends "0x" and v in hexadecimal with at least digits digits.
func (w *routeWriter) hex(v uint64, digits int) {
	w.space()
	w.b = append(w.b, "0x"...)
	for n := len(strconv.FormatUint(v, 16)); n < digits; n++ {
		w.b = append(w.b, '0')
	}
	w.b = strconv.AppendUint(w.b, v, 16)
}

// prefix appends a prefix, or just its address when it is a host route.
func (w *routeWriter) prefix(p netip.Prefix) {
	w.space()
	if p.IsSingleIP() {
		w.b = p.Addr().AppendTo(w.b)
	} else {
		w.b = p.AppendTo(w.b)
	}
}

// name appends the name of an interface.
func (w *routeWriter) name(index int) {
	if w.ifname != nil {
		if s := w.ifname(index); s != "" {
			w.word(s)
			return
		}
	}
	w.word("if" + strconv.Itoa(index))
}

// dev appends "dev" and an interface.
func (w *routeWriter) dev(index int) {
	w.word("dev")
	w.name(index)
}

// flags appends the flags ip route prints.
func (w *routeWriter) flags(f RouteFlags) {
	if b := f.appendWords(nil, printedRouteFlags, false); len(b) > 0 {
		w.word(string(b))
	}
}

// realms appends RTA_FLOW as "realm TO" or "realms FROM/TO".
func (w *routeWriter) realms(flow uint32) {
	from, to := flow>>16, flow&0xffff
	if from != 0 {
		w.word("realms")
		w.word(strconv.Itoa(int(from)) + "/" + strconv.Itoa(int(to)))
		return
	}
	w.word("realm")
	w.uint(uint64(to))
}

// metrics appends the metrics as print_rta_metrics does: in RTAX_*
// order, each present or locked one as its name, "lock" if locked, and
// its value.
func (w *routeWriter) metrics(m *RouteMetrics) {
	for t := uint16(RTAX_MTU); t <= RTAX_FASTOPEN_NO_COOKIE; t++ {
		locked := t < 32 && m.Lock&(1<<t) != 0
		if t == RTAX_CC_ALGO {
			if m.CCAlgo == "" {
				continue
			}
			w.word(metricNames[t])
			if locked {
				w.word("lock")
			}
			w.word(m.CCAlgo)
			continue
		}
		v := *m.field(t)
		if v == 0 && !locked || t == RTAX_HOPLIMIT && v == math.MaxUint32 {
			continue
		}
		w.word(metricNames[t])
		if locked {
			w.word("lock")
		}
		switch t {
		case RTAX_FEATURES:
			if v&RTAX_FEATURE_ECN != 0 {
				w.word("ecn")
			}
			if v&^RTAX_FEATURE_ECN != 0 {
				w.hex(uint64(v), 0)
			}
		case RTAX_RTT, RTAX_RTTVAR, RTAX_RTO_MIN:
			switch t {
			case RTAX_RTT:
				v /= 8
			case RTAX_RTTVAR:
				v /= 4
			}
			if v >= 1000 {
				w.word(strconv.FormatFloat(float64(v)/1e3, 'g', 6, 64) + "s")
			} else {
				w.word(strconv.FormatUint(uint64(v), 10) + "ms")
			}
		default:
			w.uint(uint64(v))
		}
	}
}

// nextHop appends one next hop as print_rta_multipath does.
func (w *routeWriter) nextHop(nh *NextHop) {
	w.word("nexthop")
	if nh.EncapType != 0 || len(nh.Encap) > 0 {
		w.word("encap")
		w.word(nh.EncapType.String())
	}
	if nh.Gateway.IsValid() {
		w.word("via")
		w.word(nh.Gateway.String())
	}
	if nh.Via.IsValid() {
		w.word("via")
		w.word(familyName(addrFamily(nh.Via)))
		w.word(nh.Via.String())
	}
	if nh.Flow != 0 {
		w.realms(nh.Flow)
	}
	if nh.IfIndex != 0 {
		w.dev(nh.IfIndex)
	}
	w.word("weight")
	w.uint(uint64(max(nh.Weight, 1)))
	w.flags(nh.Flags)
}
