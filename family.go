package netlink

// Address families (AF_*) as the kernel numbers them on Linux, for the
// family fields of RTNETLINK messages (rtm_family, ifa_family,
// ndm_family) and of RouteFilter and RouteViewOptions, so that a program
// needs no other import to name them.
const (
	AF_UNSPEC = 0x0
	AF_INET   = 0x2
	AF_BRIDGE = 0x7
	AF_INET6  = 0xa
	AF_MPLS   = 0x1c
)
