package netlink

// DefaultReceiveBuffer is the receive buffer size, in bytes, that a
// Connection asks for when ConnectionOptions.ReceiveBuffer is zero. It is
// set with SO_RCVBUFFORCE when the process may (CAP_NET_ADMIN), otherwise
// with SO_RCVBUF, which the kernel caps at net.core.rmem_max. The kernel
// doubles the value for its bookkeeping. Memory is used only while
// messages wait in the socket.
const DefaultReceiveBuffer = 16 << 20

// ConnectionOptions defines the flag passed at bind time to the kernel
// socket. It contains the necessary parameters to define which messages
// and sub-modules should be available to this socket. The zero value of
// every field added after Family and Groups means the recommended
// default.
type ConnectionOptions struct {
	// Family is the netlink protocol (the socket's protocol argument),
	// such as NETLINK_ROUTE.
	Family uint16
	// Groups is the bitmask of legacy multicast groups to bind to
	// (nl_groups), such as RTMGRP_IPV4_ROUTE|RTMGRP_IPV6_ROUTE.
	Groups uint32
	// JoinGroups lists further multicast groups by number (RTNLGRP_*),
	// joined with NETLINK_ADD_MEMBERSHIP before the constructor returns.
	// Groups above 32, such as RTNLGRP_NEXTHOP, can only be joined this
	// way.
	JoinGroups []uint32
	// ReceiveBuffer is the socket receive buffer size in bytes. Zero means
	// DefaultReceiveBuffer; a negative value keeps the kernel's default
	// (net.core.rmem_default).
	ReceiveBuffer int
	// NetNS names the network namespace to open the sockets in: a name
	// under /run/netns (as made by `ip netns add`) or a path such as
	// /proc/1234/ns/net, or /proc/self/fd/N for a namespace file
	// descriptor. The connection opens it once and holds it until Close,
	// so its sockets stay in that namespace even if the name is reused.
	// Empty means the caller's namespace.
	NetNS string
}

// defaultOptions are the options New uses.
func defaultOptions() *ConnectionOptions {
	return &ConnectionOptions{Family: NETLINK_ROUTE, Groups: RTMGRP_IPV4_ROUTE}
}
