package netlink

import "strconv"

// Route attribute types (enum rtattr_type_t, RTA_*,
// include/uapi/linux/rtnetlink.h): the attributes that follow struct
// rtmsg in RTM_NEWROUTE, RTM_DELROUTE and RTM_GETROUTE messages.
const (
	RTA_UNSPEC        = 0x0
	RTA_DST           = 0x1  // destination address; length in rtm_dst_len
	RTA_SRC           = 0x2  // source address (source routing); length in rtm_src_len
	RTA_IIF           = 0x3  // input interface index (u32)
	RTA_OIF           = 0x4  // output interface index (u32)
	RTA_GATEWAY       = 0x5  // gateway address of the route's family
	RTA_PRIORITY      = 0x6  // route metric, "metric" in ip route (u32)
	RTA_PREFSRC       = 0x7  // preferred source address
	RTA_METRICS       = 0x8  // nested RTAX_* attributes
	RTA_MULTIPATH     = 0x9  // array of struct rtnexthop
	RTA_PROTOINFO     = 0xa  // no longer used
	RTA_FLOW          = 0xb  // routing realms: from<<16 | to (u32)
	RTA_CACHEINFO     = 0xc  // struct rta_cacheinfo
	RTA_SESSION       = 0xd  // no longer used
	RTA_MP_ALGO       = 0xe  // no longer used
	RTA_TABLE         = 0xf  // routing table id, 32 bits (u32)
	RTA_MARK          = 0x10 // firewall mark of a route lookup (u32)
	RTA_MFC_STATS     = 0x11 // struct rta_mfc_stats of a multicast route
	RTA_VIA           = 0x12 // gateway with its own family (struct rtvia)
	RTA_NEWDST        = 0x13 // MPLS label stack to push or swap
	RTA_PREF          = 0x14 // IPv6 router preference, ICMPV6_ROUTER_PREF_* (u8)
	RTA_ENCAP_TYPE    = 0x15 // lightweight tunnel type, LWTUNNEL_ENCAP_* (u16)
	RTA_ENCAP         = 0x16 // nested attributes of the lightweight tunnel
	RTA_EXPIRES       = 0x17 // lifetime in seconds of an IPv6 route (u32)
	RTA_PAD           = 0x18 // padding for 64-bit attributes
	RTA_UID           = 0x19 // user id of a route lookup (u32)
	RTA_TTL_PROPAGATE = 0x1a // MPLS TTL propagation (u8)
	RTA_IP_PROTO      = 0x1b // IP protocol of a route lookup (u8)
	RTA_SPORT         = 0x1c // source port of a route lookup (be16)
	RTA_DPORT         = 0x1d // destination port of a route lookup (be16)
	RTA_NH_ID         = 0x1e // nexthop object id (u32)
	RTA_FLOWLABEL     = 0x1f // IPv6 flow label of a route lookup (be32), Linux 6.16
)

// Routing families beyond the address families (RTNL_FAMILY_*,
// include/uapi/linux/rtnetlink.h): the rtm_family of IPv4 and IPv6
// multicast routes.
const (
	RTNL_FAMILY_IPMR  = 128
	RTNL_FAMILY_IP6MR = 129
)

// Route types (RTN_*, include/uapi/linux/rtnetlink.h), the rtm_type of
// struct rtmsg. See RouteType for the typed values.
const (
	RTN_UNSPEC      = 0x0
	RTN_UNICAST     = 0x1 // a gateway or direct route
	RTN_LOCAL       = 0x2 // accept locally
	RTN_BROADCAST   = 0x3 // accept locally as broadcast, send as broadcast
	RTN_ANYCAST     = 0x4 // accept locally as broadcast, send as unicast
	RTN_MULTICAST   = 0x5 // a multicast route
	RTN_BLACKHOLE   = 0x6 // drop silently
	RTN_UNREACHABLE = 0x7 // destination is unreachable
	RTN_PROHIBIT    = 0x8 // administratively prohibited
	RTN_THROW       = 0x9 // not in this table: continue the lookup
	RTN_NAT         = 0xa // translate this address
	RTN_XRESOLVE    = 0xb // use an external resolver
)

// Route protocols (RTPROT_*, include/uapi/linux/rtnetlink.h), the
// rtm_protocol of struct rtmsg: who installed the route. The kernel
// interprets only the values up to RTPROT_STATIC; the others identify
// routing daemons. See RouteProtocol for the typed values.
const (
	RTPROT_UNSPEC     = 0
	RTPROT_REDIRECT   = 1   // installed by ICMP redirects
	RTPROT_KERNEL     = 2   // installed by the kernel
	RTPROT_BOOT       = 3   // installed during boot; the default of ip route
	RTPROT_STATIC     = 4   // installed by the administrator
	RTPROT_GATED      = 8   // GateD
	RTPROT_RA         = 9   // router advertisements (RDISC/ND)
	RTPROT_MRT        = 10  // Merit MRT
	RTPROT_ZEBRA      = 11  // Zebra, Quagga, FRRouting
	RTPROT_BIRD       = 12  // BIRD
	RTPROT_DNROUTED   = 13  // DECnet routing daemon
	RTPROT_XORP       = 14  // XORP
	RTPROT_NTK        = 15  // Netsukuku
	RTPROT_DHCP       = 16  // DHCP client
	RTPROT_MROUTED    = 17  // multicast daemon
	RTPROT_KEEPALIVED = 18  // Keepalived
	RTPROT_BABEL      = 42  // Babel daemon
	RTPROT_OVN        = 84  // OVN daemon
	RTPROT_OPENR      = 99  // Open Routing (Open/R)
	RTPROT_BGP        = 186 // BGP (as FRRouting marks its routes)
	RTPROT_ISIS       = 187 // IS-IS
	RTPROT_OSPF       = 188 // OSPF
	RTPROT_RIP        = 189 // RIP
	RTPROT_EIGRP      = 192 // EIGRP
)

// Route scopes (enum rt_scope_t, RT_SCOPE_*,
// include/uapi/linux/rtnetlink.h), the rtm_scope of struct rtmsg: the
// distance to the destination. Values between are allowed. See
// RouteScope for the typed values.
const (
	RT_SCOPE_UNIVERSE = 0   // everywhere: a route through a gateway
	RT_SCOPE_SITE     = 200 // inside the site (IPv6)
	RT_SCOPE_LINK     = 253 // on a directly attached link
	RT_SCOPE_HOST     = 254 // a local address
	RT_SCOPE_NOWHERE  = 255 // a destination that does not exist
)

// Reserved routing table ids (enum rt_class_t, RT_TABLE_*,
// include/uapi/linux/rtnetlink.h). Table ids are 32 bits (RTA_TABLE);
// rtm_table holds only 8, and RT_TABLE_COMPAT when the id does not fit.
// See RouteTable for the typed values.
const (
	RT_TABLE_UNSPEC  = 0
	RT_TABLE_COMPAT  = 252 // rtm_table of a route whose table id is above 255
	RT_TABLE_DEFAULT = 253
	RT_TABLE_MAIN    = 254
	RT_TABLE_LOCAL   = 255
	RT_TABLE_MAX     = 0xffffffff
)

// Route flags (RTM_F_*, include/uapi/linux/rtnetlink.h), bits of
// rtm_flags in struct rtmsg beside the RTNH_F_* next-hop flags. See
// RouteFlags for the typed values.
const (
	RTM_F_NOTIFY         = 0x100      // notify the user of route changes
	RTM_F_CLONED         = 0x200      // a cloned (cached) route
	RTM_F_EQUALIZE       = 0x400      // multipath equalizer, not implemented
	RTM_F_PREFIX         = 0x800      // a prefix route of an address
	RTM_F_LOOKUP_TABLE   = 0x1000     // route get: set rtm_table to the table of the result
	RTM_F_FIB_MATCH      = 0x2000     // route get: return the matching FIB entry
	RTM_F_OFFLOAD        = 0x4000     // the route is offloaded to hardware
	RTM_F_TRAP           = 0x8000     // the route traps packets to the CPU
	RTM_F_OFFLOAD_FAILED = 0x20000000 // offloading the route failed
)

// Next-hop flags (RTNH_F_*, include/uapi/linux/rtnetlink.h): rtnh_flags
// of struct rtnexthop, and the low bits of rtm_flags for a route with a
// single next hop. See RouteFlags for the typed values.
const (
	RTNH_F_DEAD       = 0x1  // the next hop is dead
	RTNH_F_PERVASIVE  = 0x2  // look the gateway up recursively
	RTNH_F_ONLINK     = 0x4  // the gateway is on the link, even if no prefix says so
	RTNH_F_OFFLOAD    = 0x8  // the next hop is offloaded to hardware
	RTNH_F_LINKDOWN   = 0x10 // the carrier of the next hop's device is down
	RTNH_F_UNRESOLVED = 0x20 // the entry is unresolved (multicast routing)
	RTNH_F_TRAP       = 0x40 // the next hop traps packets to the CPU

	// RTNH_COMPARE_MASK holds the flags the kernel ignores when it
	// compares next hops.
	RTNH_COMPARE_MASK = RTNH_F_DEAD | RTNH_F_LINKDOWN | RTNH_F_OFFLOAD | RTNH_F_TRAP
)

// Route metrics (RTAX_*, include/uapi/linux/rtnetlink.h): the types of
// the attributes nested in RTA_METRICS. Each is a u32 except
// RTAX_CC_ALGO, a string. See RouteMetrics.
const (
	RTAX_UNSPEC             = 0x0
	RTAX_LOCK               = 0x1  // bit mask 1<<RTAX_* of metrics the kernel must not change
	RTAX_MTU                = 0x2  // path MTU
	RTAX_WINDOW             = 0x3  // TCP window clamp
	RTAX_RTT                = 0x4  // TCP round-trip time, in 1/8 ms
	RTAX_RTTVAR             = 0x5  // TCP round-trip time variance, in 1/4 ms
	RTAX_SSTHRESH           = 0x6  // TCP slow start threshold
	RTAX_CWND               = 0x7  // TCP congestion window clamp
	RTAX_ADVMSS             = 0x8  // advertised TCP MSS
	RTAX_REORDERING         = 0x9  // TCP reordering threshold
	RTAX_HOPLIMIT           = 0xa  // hop limit (TTL) of packets sent
	RTAX_INITCWND           = 0xb  // TCP initial congestion window
	RTAX_FEATURES           = 0xc  // RTAX_FEATURE_* bits
	RTAX_RTO_MIN            = 0xd  // TCP minimum retransmission timeout, in ms
	RTAX_INITRWND           = 0xe  // TCP initial receive window
	RTAX_QUICKACK           = 0xf  // TCP quick ack (0 or 1)
	RTAX_CC_ALGO            = 0x10 // TCP congestion control algorithm name (string)
	RTAX_FASTOPEN_NO_COOKIE = 0x11 // TCP Fast Open without a cookie (0 or 1)
)

// Route feature bits (RTAX_FEATURE_*, include/uapi/linux/rtnetlink.h),
// the value of the RTAX_FEATURES metric.
const (
	RTAX_FEATURE_ECN         = 0x1  // use ECN
	RTAX_FEATURE_SACK        = 0x2  // unused
	RTAX_FEATURE_TIMESTAMP   = 0x4  // unused
	RTAX_FEATURE_ALLFRAG     = 0x8  // unused, removed from Linux 5.x
	RTAX_FEATURE_TCP_USEC_TS = 0x10 // TCP timestamps in microseconds

	// RTAX_FEATURE_MASK holds the feature bits a route may carry.
	RTAX_FEATURE_MASK = RTAX_FEATURE_ECN | RTAX_FEATURE_SACK | RTAX_FEATURE_TIMESTAMP |
		RTAX_FEATURE_ALLFRAG | RTAX_FEATURE_TCP_USEC_TS
)

// IPv6 router preferences (ICMPV6_ROUTER_PREF_*,
// include/uapi/linux/icmpv6.h), the value of RTA_PREF. See
// RoutePreference for the typed values.
const (
	ICMPV6_ROUTER_PREF_LOW     = 0x3
	ICMPV6_ROUTER_PREF_MEDIUM  = 0x0
	ICMPV6_ROUTER_PREF_HIGH    = 0x1
	ICMPV6_ROUTER_PREF_INVALID = 0x2
)

// Lightweight tunnel encapsulation types (enum lwtunnel_encap_types,
// LWTUNNEL_ENCAP_*, include/uapi/linux/lwtunnel.h), the value of
// RTA_ENCAP_TYPE. See EncapType for the typed values.
const (
	LWTUNNEL_ENCAP_NONE       = 0x0
	LWTUNNEL_ENCAP_MPLS       = 0x1
	LWTUNNEL_ENCAP_IP         = 0x2
	LWTUNNEL_ENCAP_ILA        = 0x3
	LWTUNNEL_ENCAP_IP6        = 0x4
	LWTUNNEL_ENCAP_SEG6       = 0x5
	LWTUNNEL_ENCAP_BPF        = 0x6
	LWTUNNEL_ENCAP_SEG6_LOCAL = 0x7
	LWTUNNEL_ENCAP_RPL        = 0x8
	LWTUNNEL_ENCAP_IOAM6      = 0x9
	LWTUNNEL_ENCAP_XFRM       = 0xa
)

// RouteType is the type of a route (rtm_type, RTN_*). Its String method
// prints iproute2's word, such as "unicast" or "blackhole".
type RouteType uint8

// Route types (RTN_*) as RouteType values.
const (
	RouteTypeUnspec      RouteType = RTN_UNSPEC
	RouteTypeUnicast     RouteType = RTN_UNICAST
	RouteTypeLocal       RouteType = RTN_LOCAL
	RouteTypeBroadcast   RouteType = RTN_BROADCAST
	RouteTypeAnycast     RouteType = RTN_ANYCAST
	RouteTypeMulticast   RouteType = RTN_MULTICAST
	RouteTypeBlackhole   RouteType = RTN_BLACKHOLE
	RouteTypeUnreachable RouteType = RTN_UNREACHABLE
	RouteTypeProhibit    RouteType = RTN_PROHIBIT
	RouteTypeThrow       RouteType = RTN_THROW
	RouteTypeNAT         RouteType = RTN_NAT
	RouteTypeXResolve    RouteType = RTN_XRESOLVE
)

// routeTypeNames are iproute2's names of route types
// (rtnl_rtntype_n2a). Never written.
var routeTypeNames = [...]string{
	RTN_UNSPEC:      "none",
	RTN_UNICAST:     "unicast",
	RTN_LOCAL:       "local",
	RTN_BROADCAST:   "broadcast",
	RTN_ANYCAST:     "anycast",
	RTN_MULTICAST:   "multicast",
	RTN_BLACKHOLE:   "blackhole",
	RTN_UNREACHABLE: "unreachable",
	RTN_PROHIBIT:    "prohibit",
	RTN_THROW:       "throw",
	RTN_NAT:         "nat",
	RTN_XRESOLVE:    "xresolve",
}

// String returns iproute2's name of the route type ("none" for
// RTN_UNSPEC), or its number.
func (t RouteType) String() string {
	if int(t) < len(routeTypeNames) {
		return routeTypeNames[t]
	}
	return strconv.Itoa(int(t))
}

// RouteProtocol tells who installed a route (rtm_protocol, RTPROT_*).
// Its String method prints iproute2's word, such as "kernel" or "bgp".
type RouteProtocol uint8

// Route protocols (RTPROT_*) as RouteProtocol values.
const (
	RouteProtocolUnspec     RouteProtocol = RTPROT_UNSPEC
	RouteProtocolRedirect   RouteProtocol = RTPROT_REDIRECT
	RouteProtocolKernel     RouteProtocol = RTPROT_KERNEL
	RouteProtocolBoot       RouteProtocol = RTPROT_BOOT
	RouteProtocolStatic     RouteProtocol = RTPROT_STATIC
	RouteProtocolGated      RouteProtocol = RTPROT_GATED
	RouteProtocolRA         RouteProtocol = RTPROT_RA
	RouteProtocolMRT        RouteProtocol = RTPROT_MRT
	RouteProtocolZebra      RouteProtocol = RTPROT_ZEBRA
	RouteProtocolBird       RouteProtocol = RTPROT_BIRD
	RouteProtocolDNRouted   RouteProtocol = RTPROT_DNROUTED
	RouteProtocolXORP       RouteProtocol = RTPROT_XORP
	RouteProtocolNTK        RouteProtocol = RTPROT_NTK
	RouteProtocolDHCP       RouteProtocol = RTPROT_DHCP
	RouteProtocolMRouted    RouteProtocol = RTPROT_MROUTED
	RouteProtocolKeepalived RouteProtocol = RTPROT_KEEPALIVED
	RouteProtocolBabel      RouteProtocol = RTPROT_BABEL
	RouteProtocolOVN        RouteProtocol = RTPROT_OVN
	RouteProtocolOpenR      RouteProtocol = RTPROT_OPENR
	RouteProtocolBGP        RouteProtocol = RTPROT_BGP
	RouteProtocolISIS       RouteProtocol = RTPROT_ISIS
	RouteProtocolOSPF       RouteProtocol = RTPROT_OSPF
	RouteProtocolRIP        RouteProtocol = RTPROT_RIP
	RouteProtocolEIGRP      RouteProtocol = RTPROT_EIGRP
)

// routeProtocolNames are iproute2's names of route protocols
// (rtnl_rtprot_tab and etc/iproute2/rt_protos of iproute2 6.1, which
// name neither RTPROT_MROUTED nor RTPROT_OVN). Never written.
var routeProtocolNames = [256]string{
	RTPROT_UNSPEC:     "unspec",
	RTPROT_REDIRECT:   "redirect",
	RTPROT_KERNEL:     "kernel",
	RTPROT_BOOT:       "boot",
	RTPROT_STATIC:     "static",
	RTPROT_GATED:      "gated",
	RTPROT_RA:         "ra",
	RTPROT_MRT:        "mrt",
	RTPROT_ZEBRA:      "zebra",
	RTPROT_BIRD:       "bird",
	RTPROT_DNROUTED:   "dnrouted",
	RTPROT_XORP:       "xorp",
	RTPROT_NTK:        "ntk",
	RTPROT_DHCP:       "dhcp",
	RTPROT_KEEPALIVED: "keepalived",
	RTPROT_BABEL:      "babel",
	RTPROT_OPENR:      "openr",
	RTPROT_BGP:        "bgp",
	RTPROT_ISIS:       "isis",
	RTPROT_OSPF:       "ospf",
	RTPROT_RIP:        "rip",
	RTPROT_EIGRP:      "eigrp",
}

// String returns iproute2's name of the protocol, or its number for a
// protocol iproute2 does not name (such as 17, RTPROT_MROUTED).
func (p RouteProtocol) String() string {
	if s := routeProtocolNames[p]; s != "" {
		return s
	}
	return strconv.Itoa(int(p))
}

// RouteScope is the scope of a route (rtm_scope, RT_SCOPE_*): the
// distance to its destination. Its String method prints iproute2's
// word, such as "global" or "link".
type RouteScope uint8

// Route scopes (RT_SCOPE_*) as RouteScope values.
const (
	RouteScopeUniverse RouteScope = RT_SCOPE_UNIVERSE
	RouteScopeSite     RouteScope = RT_SCOPE_SITE
	RouteScopeLink     RouteScope = RT_SCOPE_LINK
	RouteScopeHost     RouteScope = RT_SCOPE_HOST
	RouteScopeNowhere  RouteScope = RT_SCOPE_NOWHERE
)

// String returns iproute2's name of the scope: "global" for
// RT_SCOPE_UNIVERSE, "site", "link", "host", "nowhere", or the number.
func (s RouteScope) String() string {
	switch s {
	case RT_SCOPE_UNIVERSE:
		return "global"
	case RT_SCOPE_SITE:
		return "site"
	case RT_SCOPE_LINK:
		return "link"
	case RT_SCOPE_HOST:
		return "host"
	case RT_SCOPE_NOWHERE:
		return "nowhere"
	}
	return strconv.Itoa(int(s))
}

// RouteTable is a routing table id (RTA_TABLE, or rtm_table for ids up
// to 255; RT_TABLE_*). Its String method prints iproute2's name of the
// reserved tables, such as "main", or the number.
type RouteTable uint32

// Reserved routing tables (RT_TABLE_*) as RouteTable values.
const (
	RouteTableUnspec  RouteTable = RT_TABLE_UNSPEC
	RouteTableCompat  RouteTable = RT_TABLE_COMPAT
	RouteTableDefault RouteTable = RT_TABLE_DEFAULT
	RouteTableMain    RouteTable = RT_TABLE_MAIN
	RouteTableLocal   RouteTable = RT_TABLE_LOCAL
)

// String returns "unspec" (0), "default" (253), "main" (254), "local"
// (255) or the table's number, as iproute2 does without
// /etc/iproute2/rt_tables entries of its own.
func (t RouteTable) String() string {
	switch t {
	case RT_TABLE_UNSPEC:
		return "unspec"
	case RT_TABLE_DEFAULT:
		return "default"
	case RT_TABLE_MAIN:
		return "main"
	case RT_TABLE_LOCAL:
		return "local"
	}
	return strconv.FormatUint(uint64(t), 10)
}

// RouteFlags are the flags of a route (rtm_flags: RTM_F_* and RTNH_F_*)
// or of one next hop (rtnh_flags: RTNH_F_* only, 8 bits). Its String
// method prints iproute2's words, such as "onlink linkdown".
type RouteFlags uint32

// Route and next-hop flags (RTNH_F_*, RTM_F_*) as RouteFlags values.
const (
	RouteFlagDead            RouteFlags = RTNH_F_DEAD
	RouteFlagPervasive       RouteFlags = RTNH_F_PERVASIVE
	RouteFlagOnlink          RouteFlags = RTNH_F_ONLINK
	RouteFlagOffload         RouteFlags = RTNH_F_OFFLOAD
	RouteFlagLinkdown        RouteFlags = RTNH_F_LINKDOWN
	RouteFlagUnresolved      RouteFlags = RTNH_F_UNRESOLVED
	RouteFlagTrap            RouteFlags = RTNH_F_TRAP
	RouteFlagNotify          RouteFlags = RTM_F_NOTIFY
	RouteFlagCloned          RouteFlags = RTM_F_CLONED
	RouteFlagEqualize        RouteFlags = RTM_F_EQUALIZE
	RouteFlagPrefix          RouteFlags = RTM_F_PREFIX
	RouteFlagLookupTable     RouteFlags = RTM_F_LOOKUP_TABLE
	RouteFlagFIBMatch        RouteFlags = RTM_F_FIB_MATCH
	RouteFlagRTOffload       RouteFlags = RTM_F_OFFLOAD
	RouteFlagRTTrap          RouteFlags = RTM_F_TRAP
	RouteFlagRTOffloadFailed RouteFlags = RTM_F_OFFLOAD_FAILED
)

// routeFlagNames lists the flags in the order iproute2's print_rt_flags
// prints them, then those that ip route prints otherwise or not at all.
// Never written.
var routeFlagNames = [...]flagName[RouteFlags]{
	{RTNH_F_DEAD, "dead"},
	{RTNH_F_ONLINK, "onlink"},
	{RTNH_F_PERVASIVE, "pervasive"},
	{RTNH_F_OFFLOAD, "offload"},
	{RTNH_F_TRAP, "trap"},
	{RTM_F_NOTIFY, "notify"},
	{RTNH_F_LINKDOWN, "linkdown"},
	{RTNH_F_UNRESOLVED, "unresolved"},
	{RTM_F_OFFLOAD, "rt_offload"},
	{RTM_F_TRAP, "rt_trap"},
	{RTM_F_OFFLOAD_FAILED, "rt_offload_failed"},
	// Not printed by print_rt_flags.
	{RTM_F_CLONED, "cloned"},
	{RTM_F_EQUALIZE, "equalize"},
	{RTM_F_PREFIX, "prefix"},
	{RTM_F_LOOKUP_TABLE, "lookup_table"},
	{RTM_F_FIB_MATCH, "fib_match"},
}

// printedRouteFlags is the number of leading routeFlagNames entries that
// ip route prints among a route's or next hop's words.
const printedRouteFlags = 11

// String returns the names of the flags separated by spaces, in
// iproute2's order, with any unnamed bits as one hexadecimal number at
// the end; "0" when no flag is set.
func (f RouteFlags) String() string {
	if f == 0 {
		return "0"
	}
	return string(f.appendWords(nil, len(routeFlagNames), true))
}

// appendWords appends the names of the first n routeFlagNames flags set
// in f, separated by spaces, and when rest is true the remaining bits in
// hexadecimal.
func (f RouteFlags) appendWords(b []byte, n int, rest bool) []byte {
	start := len(b)
	b, f = appendFlagNames(b, start, f, routeFlagNames[:n], ' ')
	if rest && f != 0 {
		if len(b) > start {
			b = append(b, ' ')
		}
		b = append(b, "0x"...)
		b = strconv.AppendUint(b, uint64(f), 16)
	}
	return b
}

// RoutePreference is the preference of an IPv6 route learned from a
// router advertisement (RTA_PREF, ICMPV6_ROUTER_PREF_*). The zero value
// is medium.
type RoutePreference uint8

// IPv6 router preferences (ICMPV6_ROUTER_PREF_*) as RoutePreference
// values.
const (
	RoutePreferenceMedium  RoutePreference = ICMPV6_ROUTER_PREF_MEDIUM
	RoutePreferenceHigh    RoutePreference = ICMPV6_ROUTER_PREF_HIGH
	RoutePreferenceInvalid RoutePreference = ICMPV6_ROUTER_PREF_INVALID
	RoutePreferenceLow     RoutePreference = ICMPV6_ROUTER_PREF_LOW
)

// String returns "low", "medium", "high", or the number, as iproute2
// prints the preference.
func (p RoutePreference) String() string {
	switch p {
	case ICMPV6_ROUTER_PREF_LOW:
		return "low"
	case ICMPV6_ROUTER_PREF_MEDIUM:
		return "medium"
	case ICMPV6_ROUTER_PREF_HIGH:
		return "high"
	}
	return strconv.Itoa(int(p))
}

// EncapType is the type of a lightweight tunnel encapsulation
// (RTA_ENCAP_TYPE, LWTUNNEL_ENCAP_*). Its String method prints
// iproute2's word, such as "mpls" or "seg6local".
type EncapType uint16

// Lightweight tunnel types (LWTUNNEL_ENCAP_*) as EncapType values.
const (
	EncapTypeNone      EncapType = LWTUNNEL_ENCAP_NONE
	EncapTypeMPLS      EncapType = LWTUNNEL_ENCAP_MPLS
	EncapTypeIP        EncapType = LWTUNNEL_ENCAP_IP
	EncapTypeILA       EncapType = LWTUNNEL_ENCAP_ILA
	EncapTypeIP6       EncapType = LWTUNNEL_ENCAP_IP6
	EncapTypeSeg6      EncapType = LWTUNNEL_ENCAP_SEG6
	EncapTypeBPF       EncapType = LWTUNNEL_ENCAP_BPF
	EncapTypeSeg6Local EncapType = LWTUNNEL_ENCAP_SEG6_LOCAL
	EncapTypeRPL       EncapType = LWTUNNEL_ENCAP_RPL
	EncapTypeIOAM6     EncapType = LWTUNNEL_ENCAP_IOAM6
	EncapTypeXFRM      EncapType = LWTUNNEL_ENCAP_XFRM
)

// encapTypeNames are iproute2's names of encapsulation types
// (format_encap_type). Never written.
var encapTypeNames = [...]string{
	LWTUNNEL_ENCAP_NONE:       "none",
	LWTUNNEL_ENCAP_MPLS:       "mpls",
	LWTUNNEL_ENCAP_IP:         "ip",
	LWTUNNEL_ENCAP_ILA:        "ila",
	LWTUNNEL_ENCAP_IP6:        "ip6",
	LWTUNNEL_ENCAP_SEG6:       "seg6",
	LWTUNNEL_ENCAP_BPF:        "bpf",
	LWTUNNEL_ENCAP_SEG6_LOCAL: "seg6local",
	LWTUNNEL_ENCAP_RPL:        "rpl",
	LWTUNNEL_ENCAP_IOAM6:      "ioam6",
	LWTUNNEL_ENCAP_XFRM:       "xfrm",
}

// String returns iproute2's name of the encapsulation type, or its
// number.
func (t EncapType) String() string {
	if int(t) < len(encapTypeNames) {
		return encapTypeNames[t]
	}
	return strconv.Itoa(int(t))
}

// metricNames are iproute2's names of the RTAX_* metrics (mx_names).
// Never written.
var metricNames = [...]string{
	RTAX_LOCK:               "lock",
	RTAX_MTU:                "mtu",
	RTAX_WINDOW:             "window",
	RTAX_RTT:                "rtt",
	RTAX_RTTVAR:             "rttvar",
	RTAX_SSTHRESH:           "ssthresh",
	RTAX_CWND:               "cwnd",
	RTAX_ADVMSS:             "advmss",
	RTAX_REORDERING:         "reordering",
	RTAX_HOPLIMIT:           "hoplimit",
	RTAX_INITCWND:           "initcwnd",
	RTAX_FEATURES:           "features",
	RTAX_RTO_MIN:            "rto_min",
	RTAX_INITRWND:           "initrwnd",
	RTAX_QUICKACK:           "quickack",
	RTAX_CC_ALGO:            "congctl",
	RTAX_FASTOPEN_NO_COOKIE: "fastopen_no_cookie",
}

// familyName returns iproute2's name of an address family
// (family_name), as printed after "via".
func familyName(family uint8) string {
	switch family {
	case afInet:
		return "inet"
	case afInet6:
		return "inet6"
	}
	return "family" + strconv.Itoa(int(family))
}
