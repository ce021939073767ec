// Package netlink talks to the Linux kernel over netlink sockets
// (AF_NETLINK), above all RTNETLINK (NETLINK_ROUTE), the interface through
// which the kernel reports and accepts changes to routes, links, addresses,
// neighbours and rules. It needs no cgo; its only dependency is
// golang.org/x/sys.
//
// # Connections and messages
//
// New opens a NETLINK_ROUTE socket subscribed to IPv4 route notifications
// (RTMGRP_IPV4_ROUTE); NewWithOpts chooses the family and the multicast
// groups. Both return once the socket is bound, so no change made after they
// return is missed. One background goroutine reads the socket and delivers
// every message, in the kernel's order, to the channel registered with
// Connection.Notify or else to the function registered with
// Connection.Handle; Notify takes precedence. Delivery blocks rather than
// drop messages. Connection.SendMessage sends a request (setting
// NLM_F_REQUEST, the length and a sequence number); the replies,
// NLMSG_DONE and NLMSG_ERROR included, come through the same stream with
// the request's sequence number.
// Connection.Close stops the reader and closes the Notify channel.
//
//	c, err := netlink.New()
//	if err != nil {
//		// handle err
//	}
//	defer c.Close()
//	ch := make(chan *netlink.Message, 100)
//	c.Notify(ch)
//	for m := range ch {
//		switch m.Type {
//		case netlink.RTM_NEWROUTE, netlink.RTM_DELROUTE:
//			log.Println(m.Header)
//		case netlink.NLMSG_OVERRUN:
//			// Notifications were lost: read the table again.
//		}
//	}
//
// A Message is a Header (struct nlmsghdr) and its payload; DecodeMessge
// (and its correctly spelled alias DecodeMessage) decodes one from bytes.
// Header.String prints kernel names, as in
// "RTM_NEWROUTE flags=REQUEST|ACK seq=3 pid=0 len=52".
//
// # Requests and typed objects
//
// Connection.Execute sends a request on a second socket of the connection,
// opened on first use, and returns the replies: it matches them by
// sequence number, asks for acknowledgements with the kernel's extended
// error text, and has the kernel filter dumps (NETLINK_GET_STRICT_CHK).
// Above the raw messages, typed RTNETLINK values decode from and encode to
// a Message, with net/netip addresses: Route (DecodeRoute) with
// Connection.ListRoutes, RangeRoutes, GetRoute, AddRoute, ReplaceRoute,
// AppendRoute and DeleteRoute, and Link (DecodeLink) with ListLinks,
// GetLink, AddLink, SetLink and DeleteLink. RouteView keeps a copy of the
// routing tables equal to the kernel's, reading them again wherever the
// notifications fall short (after an overrun, or a link going down, when
// the kernel drops IPv4 routes without a word).
//
// # Lost notifications
//
// When the socket's receive buffer is full the kernel drops notifications
// and reports ENOBUFS on the next read. The connection keeps reading and
// puts a Message with Type NLMSG_OVERRUN into the stream where it learned
// of the drop (the kernel never sends that type itself). Nothing before the
// marker was lost; the lost messages belong after it, among or after the
// ones that were still queued. A consumer that sees the marker knows its
// copy of the kernel's state may be stale and must read it again.
//
// # Privileges
//
// Receiving notifications and reading tables need no privileges. Changing
// routes, links, addresses, neighbours or rules needs CAP_NET_ADMIN in the
// network namespace concerned.
//
// # Constants
//
// The package defines the kernel's names (NLMSG_*, NLM_F_*, NETLINK_*,
// RTMGRP_*, RTNLGRP_*, RTM_*, ...) so that callers need not import
// golang.org/x/sys/unix. Those that fill Header or ConnectionOptions fields
// are untyped constants, so h.Type == netlink.RTM_NEWROUTE and
// ConnectionOptions{Groups: netlink.RTMGRP_IPV4_ROUTE} compile as they are.
package netlink

// Control message types (NLMSG_*, include/uapi/linux/netlink.h). Types
// below NLMSG_MIN_TYPE are reserved for them; families number their own
// messages from NLMSG_MIN_TYPE up.
const (
	NLMSG_NOOP     = 0x1  // nothing; skipped
	NLMSG_ERROR    = 0x2  // error, or acknowledgement when the code is 0
	NLMSG_DONE     = 0x3  // end of a multipart message (a dump)
	NLMSG_OVERRUN  = 0x4  // data lost; see the package doc
	NLMSG_MIN_TYPE = 0x10 // first type free for a family's messages
)

// Message flags (NLM_F_*, include/uapi/linux/netlink.h). The bits from
// 0x100 up mean different things depending on the kind of message: GET
// requests, NEW requests, DEL requests, or acknowledgements.
const (
	NLM_F_REQUEST       = 0x1  // a request
	NLM_F_MULTI         = 0x2  // part of a multipart message ended by NLMSG_DONE
	NLM_F_ACK           = 0x4  // reply with an acknowledgement
	NLM_F_ECHO          = 0x8  // echo this request to the sender
	NLM_F_DUMP_INTR     = 0x10 // dump inconsistent: the table changed during it
	NLM_F_DUMP_FILTERED = 0x20 // dump filtered as requested

	// Modifiers of GET requests.
	NLM_F_ROOT   = 0x100                    // return the whole table
	NLM_F_MATCH  = 0x200                    // return all matching entries
	NLM_F_ATOMIC = 0x400                    // atomic GET
	NLM_F_DUMP   = NLM_F_ROOT | NLM_F_MATCH // a dump

	// Modifiers of NEW requests.
	NLM_F_REPLACE = 0x100 // replace an existing object
	NLM_F_EXCL    = 0x200 // fail if the object exists
	NLM_F_CREATE  = 0x400 // create the object if it does not exist
	NLM_F_APPEND  = 0x800 // add to the end of the list

	// Modifiers of DEL requests.
	NLM_F_NONREC = 0x100 // do not delete recursively
	NLM_F_BULK   = 0x200 // delete multiple objects

	// Flags of acknowledgements (NLMSG_ERROR, NLMSG_DONE).
	NLM_F_CAPPED   = 0x100 // the echoed request was cut to its header
	NLM_F_ACK_TLVS = 0x200 // extended ack attributes (NLMSGERR_ATTR_*) follow
)

// Netlink families (protocol numbers, NETLINK_*,
// include/uapi/linux/netlink.h): the protocol argument of
// socket(AF_NETLINK, SOCK_RAW, protocol) and ConnectionOptions.Family.
const (
	NETLINK_ROUTE          = 0  // routing and device hook: RTNETLINK
	NETLINK_UNUSED         = 1  // unused number
	NETLINK_USERSOCK       = 2  // reserved for user-mode socket protocols
	NETLINK_FIREWALL       = 3  // unused number, formerly ip_queue
	NETLINK_SOCK_DIAG      = 4  // socket monitoring
	NETLINK_INET_DIAG      = 4  // old name of NETLINK_SOCK_DIAG
	NETLINK_NFLOG          = 5  // netfilter/iptables ULOG
	NETLINK_XFRM           = 6  // IPsec
	NETLINK_SELINUX        = 7  // SELinux event notifications
	NETLINK_ISCSI          = 8  // Open-iSCSI
	NETLINK_AUDIT          = 9  // auditing
	NETLINK_FIB_LOOKUP     = 10 // FIB lookup
	NETLINK_CONNECTOR      = 11 // kernel connector
	NETLINK_NETFILTER      = 12 // netfilter subsystem
	NETLINK_IP6_FW         = 13 // IPv6 firewall
	NETLINK_DNRTMSG        = 14 // DECnet routing messages (obsolete)
	NETLINK_KOBJECT_UEVENT = 15 // kernel messages to user space (uevents)
	NETLINK_GENERIC        = 16 // generic netlink
	NETLINK_SCSITRANSPORT  = 18 // SCSI transports
	NETLINK_ECRYPTFS       = 19 // eCryptfs
	NETLINK_RDMA           = 20 // RDMA
	NETLINK_CRYPTO         = 21 // crypto layer
	NETLINK_SMC            = 22 // SMC monitoring
)

// SOL_NETLINK is the socket option level of netlink sockets (SOL_NETLINK,
// include/linux/socket.h), the level of the NETLINK_* socket options.
const SOL_NETLINK = 270

// Socket options at level SOL_NETLINK (NETLINK_*,
// include/uapi/linux/netlink.h).
const (
	NETLINK_ADD_MEMBERSHIP   = 1  // join a multicast group (an RTNLGRP_* number)
	NETLINK_DROP_MEMBERSHIP  = 2  // leave a multicast group
	NETLINK_PKTINFO          = 3  // receive the group of each message (struct nl_pktinfo)
	NETLINK_BROADCAST_ERROR  = 4  // make a failed delivery to this socket fail the broadcast
	NETLINK_NO_ENOBUFS       = 5  // do not report ENOBUFS when messages are dropped
	NETLINK_LISTEN_ALL_NSID  = 8  // receive notifications of all peer namespaces
	NETLINK_LIST_MEMBERSHIPS = 9  // read the groups joined (getsockopt)
	NETLINK_CAP_ACK          = 10 // echo only the header of a request in errors
	NETLINK_EXT_ACK          = 11 // extended acks: error text and offset
	NETLINK_GET_STRICT_CHK   = 12 // strict checking of requests, enabling dump filters
)

// Legacy RTNETLINK multicast groups as a bit mask (RTMGRP_*,
// include/uapi/linux/rtnetlink.h), for the nl_groups field of struct
// sockaddr_nl given to bind and thus ConnectionOptions.Groups. RTMGRP_X is
// 1<<(RTNLGRP_X-1); groups above 32 can only be joined by number with
// NETLINK_ADD_MEMBERSHIP.
const (
	RTMGRP_LINK          = 0x1
	RTMGRP_NOTIFY        = 0x2
	RTMGRP_NEIGH         = 0x4
	RTMGRP_TC            = 0x8
	RTMGRP_IPV4_IFADDR   = 0x10
	RTMGRP_IPV4_MROUTE   = 0x20
	RTMGRP_IPV4_ROUTE    = 0x40
	RTMGRP_IPV4_RULE     = 0x80
	RTMGRP_IPV6_IFADDR   = 0x100
	RTMGRP_IPV6_MROUTE   = 0x200
	RTMGRP_IPV6_ROUTE    = 0x400
	RTMGRP_IPV6_IFINFO   = 0x800
	RTMGRP_DECnet_IFADDR = 0x1000 // DECnet, removed from Linux 6.1
	RTMGRP_DECnet_ROUTE  = 0x4000 // DECnet, removed from Linux 6.1
	RTMGRP_IPV6_PREFIX   = 0x20000
)

// RTNETLINK multicast group numbers (enum rtnetlink_groups, RTNLGRP_*,
// include/uapi/linux/rtnetlink.h), for NETLINK_ADD_MEMBERSHIP and
// NETLINK_DROP_MEMBERSHIP.
const (
	RTNLGRP_NONE          = 0
	RTNLGRP_LINK          = 1
	RTNLGRP_NOTIFY        = 2
	RTNLGRP_NEIGH         = 3
	RTNLGRP_TC            = 4
	RTNLGRP_IPV4_IFADDR   = 5
	RTNLGRP_IPV4_MROUTE   = 6
	RTNLGRP_IPV4_ROUTE    = 7
	RTNLGRP_IPV4_RULE     = 8
	RTNLGRP_IPV6_IFADDR   = 9
	RTNLGRP_IPV6_MROUTE   = 10
	RTNLGRP_IPV6_ROUTE    = 11
	RTNLGRP_IPV6_IFINFO   = 12
	RTNLGRP_DECnet_IFADDR = 13 // DECnet, removed from Linux 6.1
	RTNLGRP_NOP2          = 14
	RTNLGRP_DECnet_ROUTE  = 15 // DECnet, removed from Linux 6.1
	RTNLGRP_DECnet_RULE   = 16 // DECnet, removed from Linux 6.1
	RTNLGRP_NOP4          = 17
	RTNLGRP_IPV6_PREFIX   = 18
	RTNLGRP_IPV6_RULE     = 19
	RTNLGRP_ND_USEROPT    = 20
	RTNLGRP_PHONET_IFADDR = 21
	RTNLGRP_PHONET_ROUTE  = 22
	RTNLGRP_DCB           = 23
	RTNLGRP_IPV4_NETCONF  = 24
	RTNLGRP_IPV6_NETCONF  = 25
	RTNLGRP_MDB           = 26
	RTNLGRP_MPLS_ROUTE    = 27
	RTNLGRP_NSID          = 28
	RTNLGRP_MPLS_NETCONF  = 29
	RTNLGRP_IPV4_MROUTE_R = 30
	RTNLGRP_IPV6_MROUTE_R = 31
	RTNLGRP_NEXTHOP       = 32
	RTNLGRP_BRVLAN        = 33
	RTNLGRP_MCTP_IFADDR   = 34
	RTNLGRP_TUNNEL        = 35
	RTNLGRP_STATS         = 36
	RTNLGRP_IPV4_MCADDR   = 37
	RTNLGRP_IPV6_MCADDR   = 38
	RTNLGRP_IPV6_ACADDR   = 39
)

// RTNETLINK message types (RTM_*, include/uapi/linux/rtnetlink.h). They
// come in blocks of four from 16 up: NEW, DEL, GET and SET, so that
// type%4 tells the kind of request (see FlagsString).
const (
	// Links (struct ifinfomsg, IFLA_* attributes).
	RTM_NEWLINK = 16
	RTM_DELLINK = 17
	RTM_GETLINK = 18
	RTM_SETLINK = 19

	// Addresses (struct ifaddrmsg, IFA_* attributes).
	RTM_NEWADDR = 20
	RTM_DELADDR = 21
	RTM_GETADDR = 22

	// Routes (struct rtmsg, RTA_* attributes).
	RTM_NEWROUTE = 24
	RTM_DELROUTE = 25
	RTM_GETROUTE = 26

	// Neighbours (struct ndmsg, NDA_* attributes).
	RTM_NEWNEIGH = 28
	RTM_DELNEIGH = 29
	RTM_GETNEIGH = 30

	// Policy routing rules (struct fib_rule_hdr, FRA_* attributes).
	RTM_NEWRULE = 32
	RTM_DELRULE = 33
	RTM_GETRULE = 34

	// Traffic control: queueing disciplines, classes, filters, actions
	// (struct tcmsg, struct tcamsg).
	RTM_NEWQDISC   = 36
	RTM_DELQDISC   = 37
	RTM_GETQDISC   = 38
	RTM_NEWTCLASS  = 40
	RTM_DELTCLASS  = 41
	RTM_GETTCLASS  = 42
	RTM_NEWTFILTER = 44
	RTM_DELTFILTER = 45
	RTM_GETTFILTER = 46
	RTM_NEWACTION  = 48
	RTM_DELACTION  = 49
	RTM_GETACTION  = 50

	// IPv6 prefixes learned from router advertisements (struct prefixmsg).
	RTM_NEWPREFIX = 52

	// Multicast and anycast addresses.
	RTM_NEWMULTICAST = 56
	RTM_DELMULTICAST = 57
	RTM_GETMULTICAST = 58
	RTM_NEWANYCAST   = 60
	RTM_DELANYCAST   = 61
	RTM_GETANYCAST   = 62

	// Neighbour tables (struct ndtmsg).
	RTM_NEWNEIGHTBL = 64
	RTM_GETNEIGHTBL = 66
	RTM_SETNEIGHTBL = 67

	// Neighbour discovery options for user space (struct nduseroptmsg).
	RTM_NEWNDUSEROPT = 68

	// IPv6 address labels (struct ifaddrlblmsg).
	RTM_NEWADDRLABEL = 72
	RTM_DELADDRLABEL = 73
	RTM_GETADDRLABEL = 74

	// Data center bridging (struct dcbmsg).
	RTM_GETDCB = 78
	RTM_SETDCB = 79

	// Per-device network configuration (struct netconfmsg).
	RTM_NEWNETCONF = 80
	RTM_DELNETCONF = 81
	RTM_GETNETCONF = 82

	// Bridge multicast database (struct br_port_msg).
	RTM_NEWMDB = 84
	RTM_DELMDB = 85
	RTM_GETMDB = 86

	// Network namespace ids (struct rtgenmsg, NETNSA_* attributes).
	RTM_NEWNSID = 88
	RTM_DELNSID = 89
	RTM_GETNSID = 90

	// Link statistics (struct if_stats_msg).
	RTM_NEWSTATS = 92
	RTM_GETSTATS = 94
	RTM_SETSTATS = 95

	// Multicast routing cache reports.
	RTM_NEWCACHEREPORT = 96

	// Traffic control filter chains.
	RTM_NEWCHAIN = 100
	RTM_DELCHAIN = 101
	RTM_GETCHAIN = 102

	// Nexthop objects (struct nhmsg, NHA_* attributes).
	RTM_NEWNEXTHOP = 104
	RTM_DELNEXTHOP = 105
	RTM_GETNEXTHOP = 106

	// Link properties such as alternative names.
	RTM_NEWLINKPROP = 108
	RTM_DELLINKPROP = 109
	RTM_GETLINKPROP = 110

	// Bridge VLANs (struct br_vlan_msg).
	RTM_NEWVLAN = 112
	RTM_DELVLAN = 113
	RTM_GETVLAN = 114

	// Buckets of resilient nexthop groups.
	RTM_NEWNEXTHOPBUCKET = 116
	RTM_DELNEXTHOPBUCKET = 117
	RTM_GETNEXTHOPBUCKET = 118

	// VXLAN tunnel VNI filters (struct tunnel_msg).
	RTM_NEWTUNNEL = 120
	RTM_DELTUNNEL = 121
	RTM_GETTUNNEL = 122
)
