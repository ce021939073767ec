package netlink

import "strconv"

// Link attribute types (IFLA_*, include/uapi/linux/if_link.h): the
// attributes that follow struct ifinfomsg in RTM_NEWLINK, RTM_DELLINK,
// RTM_GETLINK and RTM_SETLINK messages.
const (
	IFLA_UNSPEC                     = 0x0
	IFLA_ADDRESS                    = 0x1  // link-layer address
	IFLA_BROADCAST                  = 0x2  // link-layer broadcast (or point-to-point peer) address
	IFLA_IFNAME                     = 0x3  // interface name (string)
	IFLA_MTU                        = 0x4  // MTU (u32)
	IFLA_LINK                       = 0x5  // index of the parent or peer device (u32)
	IFLA_QDISC                      = 0x6  // name of the root queueing discipline (string)
	IFLA_STATS                      = 0x7  // struct rtnl_link_stats, 32-bit counters
	IFLA_COST                       = 0x8  // unused
	IFLA_PRIORITY                   = 0x9  // unused
	IFLA_MASTER                     = 0xa  // index of the master device, such as a bridge (u32)
	IFLA_WIRELESS                   = 0xb  // wireless extension events
	IFLA_PROTINFO                   = 0xc  // protocol specific information (bridge port, IPv6)
	IFLA_TXQLEN                     = 0xd  // transmit queue length (u32)
	IFLA_MAP                        = 0xe  // struct rtnl_link_ifmap, hardware resources
	IFLA_WEIGHT                     = 0xf  // unused
	IFLA_OPERSTATE                  = 0x10 // RFC 2863 operational state, IF_OPER_* (u8)
	IFLA_LINKMODE                   = 0x11 // link mode, IF_LINK_MODE_* (u8)
	IFLA_LINKINFO                   = 0x12 // nested IFLA_INFO_* attributes: the device kind and its data
	IFLA_NET_NS_PID                 = 0x13 // move to the network namespace of a process (u32, requests)
	IFLA_IFALIAS                    = 0x14 // interface alias (string)
	IFLA_NUM_VF                     = 0x15 // number of SR-IOV virtual functions (u32)
	IFLA_VFINFO_LIST                = 0x16 // nested information on SR-IOV virtual functions
	IFLA_STATS64                    = 0x17 // struct rtnl_link_stats64, 64-bit counters
	IFLA_VF_PORTS                   = 0x18 // nested port profiles of virtual functions
	IFLA_PORT_SELF                  = 0x19 // nested port profile of the device itself
	IFLA_AF_SPEC                    = 0x1a // nested per address family information
	IFLA_GROUP                      = 0x1b // device group (u32)
	IFLA_NET_NS_FD                  = 0x1c // move to the network namespace of a file descriptor (u32, requests)
	IFLA_EXT_MASK                   = 0x1d // RTEXT_FILTER_* bits asking for extended information (u32, requests)
	IFLA_PROMISCUITY                = 0x1e // promiscuous mode reference count (u32)
	IFLA_NUM_TX_QUEUES              = 0x1f // number of transmit queues (u32)
	IFLA_NUM_RX_QUEUES              = 0x20 // number of receive queues (u32)
	IFLA_CARRIER                    = 0x21 // carrier present (u8)
	IFLA_PHYS_PORT_ID               = 0x22 // physical port identifier (binary)
	IFLA_CARRIER_CHANGES            = 0x23 // number of carrier changes (u32)
	IFLA_PHYS_SWITCH_ID             = 0x24 // switch identifier (binary)
	IFLA_LINK_NETNSID               = 0x25 // namespace id of the IFLA_LINK device's namespace (s32)
	IFLA_PHYS_PORT_NAME             = 0x26 // physical port name (string)
	IFLA_PROTO_DOWN                 = 0x27 // protocol down, set by a control protocol (u8)
	IFLA_GSO_MAX_SEGS               = 0x28 // maximum segments of a GSO packet (u32)
	IFLA_GSO_MAX_SIZE               = 0x29 // maximum size of a GSO packet (u32)
	IFLA_PAD                        = 0x2a // padding for 64-bit attributes
	IFLA_XDP                        = 0x2b // nested IFLA_XDP_* attributes
	IFLA_EVENT                      = 0x2c // reason of a notification, IFLA_EVENT_* (u32)
	IFLA_NEW_NETNSID                = 0x2d // namespace id the device moved to (s32)
	IFLA_IF_NETNSID                 = 0x2e // old name of IFLA_TARGET_NETNSID
	IFLA_TARGET_NETNSID             = 0x2e // namespace id a request applies to (s32)
	IFLA_CARRIER_UP_COUNT           = 0x2f // number of carrier up events (u32)
	IFLA_CARRIER_DOWN_COUNT         = 0x30 // number of carrier down events (u32)
	IFLA_NEW_IFINDEX                = 0x31 // index the device has in the namespace it moved to (s32)
	IFLA_MIN_MTU                    = 0x32 // smallest MTU the device accepts (u32)
	IFLA_MAX_MTU                    = 0x33 // largest MTU the device accepts (u32)
	IFLA_PROP_LIST                  = 0x34 // nested properties, such as IFLA_ALT_IFNAME
	IFLA_ALT_IFNAME                 = 0x35 // alternative interface name (string)
	IFLA_PERM_ADDRESS               = 0x36 // permanent hardware address
	IFLA_PROTO_DOWN_REASON          = 0x37 // nested reasons for protocol down
	IFLA_PARENT_DEV_NAME            = 0x38 // name of the parent (bus) device (string)
	IFLA_PARENT_DEV_BUS_NAME        = 0x39 // name of the parent device's bus (string)
	IFLA_GRO_MAX_SIZE               = 0x3a // maximum size of a GRO packet (u32)
	IFLA_TSO_MAX_SIZE               = 0x3b // largest TSO packet the device supports (u32)
	IFLA_TSO_MAX_SEGS               = 0x3c // most TSO segments the device supports (u32)
	IFLA_ALLMULTI                   = 0x3d // all-multicast mode reference count (u32)
	IFLA_DEVLINK_PORT               = 0x3e // nested devlink port handle
	IFLA_GSO_IPV4_MAX_SIZE          = 0x3f // maximum size of an IPv4 GSO packet (u32)
	IFLA_GRO_IPV4_MAX_SIZE          = 0x40 // maximum size of an IPv4 GRO packet (u32)
	IFLA_DPLL_PIN                   = 0x41 // nested DPLL pin handle
	IFLA_MAX_PACING_OFFLOAD_HORIZON = 0x42 // pacing offload horizon in ns (uint), Linux 6.13
	IFLA_NETNS_IMMUTABLE            = 0x43 // the device cannot change namespace (u8), Linux 6.13
	IFLA_HEADROOM                   = 0x44 // extra headroom the device needs (u16), Linux 6.15
	IFLA_TAILROOM                   = 0x45 // extra tailroom the device needs (u16), Linux 6.15
)

// Attributes nested in IFLA_LINKINFO (IFLA_INFO_*,
// include/uapi/linux/if_link.h).
const (
	IFLA_INFO_UNSPEC     = 0x0
	IFLA_INFO_KIND       = 0x1 // device kind, such as "veth" or "bridge" (string)
	IFLA_INFO_DATA       = 0x2 // nested attributes of the kind, such as IFLA_BR_*
	IFLA_INFO_XSTATS     = 0x3 // kind-specific statistics
	IFLA_INFO_SLAVE_KIND = 0x4 // kind of the master of a port, such as "bridge" (string)
	IFLA_INFO_SLAVE_DATA = 0x5 // nested port attributes of the master's kind, such as IFLA_BRPORT_*
)

// Attributes nested in the IFLA_INFO_DATA of a veth device (VETH_INFO_*,
// include/uapi/linux/veth.h). VETH_INFO_PEER holds a struct ifinfomsg
// and IFLA_* attributes describing the peer to create; vxcan and netkit
// use the same number for their peer.
const (
	VETH_INFO_UNSPEC = 0x0
	VETH_INFO_PEER   = 0x1
)

// Attributes nested in IFLA_XDP (IFLA_XDP_*,
// include/uapi/linux/if_link.h).
const (
	IFLA_XDP_UNSPEC      = 0x0
	IFLA_XDP_FD          = 0x1 // program to attach (s32 file descriptor, requests)
	IFLA_XDP_ATTACHED    = 0x2 // attach mode, XDP_ATTACHED_* (u8)
	IFLA_XDP_FLAGS       = 0x3 // XDP_FLAGS_* (u32, requests)
	IFLA_XDP_PROG_ID     = 0x4 // id of the attached program (u32)
	IFLA_XDP_DRV_PROG_ID = 0x5 // id of the program attached in driver mode (u32)
	IFLA_XDP_SKB_PROG_ID = 0x6 // id of the program attached in generic mode (u32)
	IFLA_XDP_HW_PROG_ID  = 0x7 // id of the program offloaded to hardware (u32)
	IFLA_XDP_EXPECTED_FD = 0x8 // program expected to be replaced (s32, requests)
)

// XDP attach modes (XDP_ATTACHED_*, include/uapi/linux/if_link.h), the
// value of IFLA_XDP_ATTACHED.
const (
	XDP_ATTACHED_NONE  = 0
	XDP_ATTACHED_DRV   = 1
	XDP_ATTACHED_SKB   = 2
	XDP_ATTACHED_HW    = 3
	XDP_ATTACHED_MULTI = 4
)

// Extended information filters (RTEXT_FILTER_*,
// include/uapi/linux/rtnetlink.h), bits of IFLA_EXT_MASK in link
// requests.
const (
	RTEXT_FILTER_VF                = 1 << 0 // SR-IOV virtual functions
	RTEXT_FILTER_BRVLAN            = 1 << 1 // bridge VLANs
	RTEXT_FILTER_BRVLAN_COMPRESSED = 1 << 2 // bridge VLANs, as ranges
	RTEXT_FILTER_SKIP_STATS        = 1 << 3 // no IFLA_STATS and IFLA_STATS64
	RTEXT_FILTER_MRP               = 1 << 4 // bridge MRP
	RTEXT_FILTER_CFM_CONFIG        = 1 << 5 // bridge CFM configuration
	RTEXT_FILTER_CFM_STATUS        = 1 << 6 // bridge CFM status
	RTEXT_FILTER_MST               = 1 << 7 // bridge MST
)

// Interface flags (enum net_device_flags, IFF_*,
// include/uapi/linux/if.h), the ifi_flags of struct ifinfomsg. See
// LinkFlags for the typed values.
const (
	IFF_UP          = 0x1     // administratively up
	IFF_BROADCAST   = 0x2     // broadcast address valid
	IFF_DEBUG       = 0x4     // debugging on
	IFF_LOOPBACK    = 0x8     // a loopback device
	IFF_POINTOPOINT = 0x10    // a point-to-point link
	IFF_NOTRAILERS  = 0x20    // avoid trailers, unused
	IFF_RUNNING     = 0x40    // operationally up (RFC 2863 up or unknown)
	IFF_NOARP       = 0x80    // no ARP
	IFF_PROMISC     = 0x100   // receive all packets
	IFF_ALLMULTI    = 0x200   // receive all multicast packets
	IFF_MASTER      = 0x400   // master of a load balancer
	IFF_SLAVE       = 0x800   // slave of a load balancer
	IFF_MULTICAST   = 0x1000  // supports multicast
	IFF_PORTSEL     = 0x2000  // can set the media type
	IFF_AUTOMEDIA   = 0x4000  // selects the media automatically
	IFF_DYNAMIC     = 0x8000  // dial-up device with changing addresses
	IFF_LOWER_UP    = 0x10000 // the driver signals the lower layer up (carrier)
	IFF_DORMANT     = 0x20000 // the driver signals dormant
	IFF_ECHO        = 0x40000 // echoes sent packets

	// IFF_VOLATILE holds the flags the kernel manages, which requests
	// cannot change.
	IFF_VOLATILE = IFF_LOOPBACK | IFF_POINTOPOINT | IFF_BROADCAST | IFF_ECHO |
		IFF_MASTER | IFF_SLAVE | IFF_RUNNING | IFF_LOWER_UP | IFF_DORMANT
)

// RFC 2863 operational states (IF_OPER_*, include/uapi/linux/if.h), the
// value of IFLA_OPERSTATE. See OperState for the typed values.
const (
	IF_OPER_UNKNOWN        = 0
	IF_OPER_NOTPRESENT     = 1
	IF_OPER_DOWN           = 2
	IF_OPER_LOWERLAYERDOWN = 3
	IF_OPER_TESTING        = 4
	IF_OPER_DORMANT        = 5
	IF_OPER_UP             = 6
)

// Link modes (IF_LINK_MODE_*, include/uapi/linux/if.h), the value of
// IFLA_LINKMODE. See LinkMode for the typed values.
const (
	IF_LINK_MODE_DEFAULT = 0
	IF_LINK_MODE_DORMANT = 1 // limit the upward transition to dormant
	IF_LINK_MODE_TESTING = 2 // limit the upward transition to testing
)

// Link-layer (hardware) types (ARPHRD_*, include/uapi/linux/if_arp.h),
// the ifi_type of struct ifinfomsg. See LinkType for the typed values.
const (
	ARPHRD_NETROM             = 0x0 // from KA9Q: NET/ROM pseudo
	ARPHRD_ETHER              = 0x1 // Ethernet 10/100/1000 Mbps
	ARPHRD_EETHER             = 0x2 // experimental Ethernet
	ARPHRD_AX25               = 0x3 // AX.25 level 2
	ARPHRD_PRONET             = 0x4 // PROnet token ring
	ARPHRD_CHAOS              = 0x5 // Chaosnet
	ARPHRD_IEEE802            = 0x6 // IEEE 802.2 Ethernet/TR/TB
	ARPHRD_ARCNET             = 0x7 // ARCnet
	ARPHRD_APPLETLK           = 0x8 // APPLEtalk
	ARPHRD_DLCI               = 0xf // Frame Relay DLCI
	ARPHRD_ATM                = 0x13
	ARPHRD_METRICOM           = 0x17 // Metricom STRIP
	ARPHRD_IEEE1394           = 0x18 // IEEE 1394 IPv4, RFC 2734
	ARPHRD_EUI64              = 0x1b
	ARPHRD_INFINIBAND         = 0x20 // InfiniBand
	ARPHRD_SLIP               = 0x100
	ARPHRD_CSLIP              = 0x101
	ARPHRD_SLIP6              = 0x102
	ARPHRD_CSLIP6             = 0x103
	ARPHRD_RSRVD              = 0x104 // notional KISS type
	ARPHRD_ADAPT              = 0x108
	ARPHRD_ROSE               = 0x10e
	ARPHRD_X25                = 0x10f // CCITT X.25
	ARPHRD_HWX25              = 0x110 // boards with X.25 in firmware
	ARPHRD_CAN                = 0x118 // Controller Area Network
	ARPHRD_MCTP               = 0x122
	ARPHRD_PPP                = 0x200
	ARPHRD_CISCO              = 0x201 // Cisco HDLC
	ARPHRD_HDLC               = 0x201 // same as ARPHRD_CISCO
	ARPHRD_LAPB               = 0x204 // LAPB
	ARPHRD_DDCMP              = 0x205 // Digital's DDCMP protocol
	ARPHRD_RAWHDLC            = 0x206 // raw HDLC
	ARPHRD_RAWIP              = 0x207 // raw IP
	ARPHRD_TUNNEL             = 0x300 // IPIP tunnel
	ARPHRD_TUNNEL6            = 0x301 // IP6IP6 tunnel
	ARPHRD_FRAD               = 0x302 // Frame Relay access device
	ARPHRD_SKIP               = 0x303 // SKIP vif
	ARPHRD_LOOPBACK           = 0x304 // loopback device
	ARPHRD_LOCALTLK           = 0x305 // LocalTalk device
	ARPHRD_FDDI               = 0x306 // Fiber Distributed Data Interface
	ARPHRD_BIF                = 0x307 // AP1000 BIF
	ARPHRD_SIT                = 0x308 // sit0 device: IPv6-in-IPv4
	ARPHRD_IPDDP              = 0x309 // IP over DDP tunneller
	ARPHRD_IPGRE              = 0x30a // GRE over IP
	ARPHRD_PIMREG             = 0x30b // PIMSM register interface
	ARPHRD_HIPPI              = 0x30c // High Performance Parallel Interface
	ARPHRD_ASH                = 0x30d // Nexus 64 Mbps Ash
	ARPHRD_ECONET             = 0x30e // Acorn Econet
	ARPHRD_IRDA               = 0x30f // Linux-IrDA
	ARPHRD_FCPP               = 0x310 // point to point Fibre Channel
	ARPHRD_FCAL               = 0x311 // Fibre Channel arbitrated loop
	ARPHRD_FCPL               = 0x312 // Fibre Channel public loop
	ARPHRD_FCFABRIC           = 0x313 // Fibre Channel fabric
	ARPHRD_IEEE802_TR         = 0x320 // magic type ident for TR
	ARPHRD_IEEE80211          = 0x321 // IEEE 802.11
	ARPHRD_IEEE80211_PRISM    = 0x322 // IEEE 802.11 with Prism2 header
	ARPHRD_IEEE80211_RADIOTAP = 0x323 // IEEE 802.11 with radiotap header
	ARPHRD_IEEE802154         = 0x324
	ARPHRD_IEEE802154_MONITOR = 0x325  // IEEE 802.15.4 network monitor
	ARPHRD_PHONET             = 0x334  // PhoNet media type
	ARPHRD_PHONET_PIPE        = 0x335  // PhoNet pipe header
	ARPHRD_CAIF               = 0x336  // CAIF media type
	ARPHRD_IP6GRE             = 0x337  // GRE over IPv6
	ARPHRD_NETLINK            = 0x338  // netlink monitor (nlmon)
	ARPHRD_6LOWPAN            = 0x339  // IPv6 over LoWPAN
	ARPHRD_VSOCKMON           = 0x33a  // vsock monitor header
	ARPHRD_VOID               = 0xffff // void type, nothing is known
	ARPHRD_NONE               = 0xfffe // zero header length
)

// LinkFlags are the flags of a network interface (ifi_flags, IFF_*). Its
// String method prints them as ip link does between < and >.
type LinkFlags uint32

// Interface flags (IFF_*) as LinkFlags values.
const (
	LinkFlagUp           LinkFlags = IFF_UP
	LinkFlagBroadcast    LinkFlags = IFF_BROADCAST
	LinkFlagDebug        LinkFlags = IFF_DEBUG
	LinkFlagLoopback     LinkFlags = IFF_LOOPBACK
	LinkFlagPointToPoint LinkFlags = IFF_POINTOPOINT
	LinkFlagNoTrailers   LinkFlags = IFF_NOTRAILERS
	LinkFlagRunning      LinkFlags = IFF_RUNNING
	LinkFlagNoARP        LinkFlags = IFF_NOARP
	LinkFlagPromisc      LinkFlags = IFF_PROMISC
	LinkFlagAllMulti     LinkFlags = IFF_ALLMULTI
	LinkFlagMaster       LinkFlags = IFF_MASTER
	LinkFlagSlave        LinkFlags = IFF_SLAVE
	LinkFlagMulticast    LinkFlags = IFF_MULTICAST
	LinkFlagPortSel      LinkFlags = IFF_PORTSEL
	LinkFlagAutoMedia    LinkFlags = IFF_AUTOMEDIA
	LinkFlagDynamic      LinkFlags = IFF_DYNAMIC
	LinkFlagLowerUp      LinkFlags = IFF_LOWER_UP
	LinkFlagDormant      LinkFlags = IFF_DORMANT
	LinkFlagEcho         LinkFlags = IFF_ECHO
)

// linkFlagNames lists the flags in the order iproute2's print_link_flags
// prints them. IFF_RUNNING is not among them: ip prints "NO-CARRIER"
// for an interface that is up but not running instead. Never written.
var linkFlagNames = [...]flagName[LinkFlags]{
	{IFF_LOOPBACK, "LOOPBACK"},
	{IFF_BROADCAST, "BROADCAST"},
	{IFF_POINTOPOINT, "POINTOPOINT"},
	{IFF_MULTICAST, "MULTICAST"},
	{IFF_NOARP, "NOARP"},
	{IFF_ALLMULTI, "ALLMULTI"},
	{IFF_PROMISC, "PROMISC"},
	{IFF_MASTER, "MASTER"},
	{IFF_SLAVE, "SLAVE"},
	{IFF_DEBUG, "DEBUG"},
	{IFF_DYNAMIC, "DYNAMIC"},
	{IFF_AUTOMEDIA, "AUTOMEDIA"},
	{IFF_PORTSEL, "PORTSEL"},
	{IFF_NOTRAILERS, "NOTRAILERS"},
	{IFF_UP, "UP"},
	{IFF_LOWER_UP, "LOWER_UP"},
	{IFF_DORMANT, "DORMANT"},
	{IFF_ECHO, "ECHO"},
}

// String returns the flags as ip link prints them between < and >, for
// example "BROADCAST,MULTICAST,UP,LOWER_UP": "NO-CARRIER" first for an
// interface that is up but not running, then the names in iproute2's
// order, then any unnamed bits as one hexadecimal number. IFF_RUNNING
// itself is not printed, as ip does not print it. No flags print as "".
func (f LinkFlags) String() string {
	return string(f.appendWords(nil))
}

// appendWords appends the comma-separated words of String to b.
func (f LinkFlags) appendWords(b []byte) []byte {
	start := len(b)
	if f&IFF_UP != 0 && f&IFF_RUNNING == 0 {
		b = append(b, "NO-CARRIER"...)
	}
	b, f = appendFlagNames(b, start, f&^IFF_RUNNING, linkFlagNames[:], ',')
	if f != 0 {
		if len(b) > start {
			b = append(b, ',')
		}
		b = strconv.AppendUint(b, uint64(f), 16)
	}
	return b
}

// OperState is the RFC 2863 operational state of a link (IFLA_OPERSTATE,
// IF_OPER_*). Its String method prints ip's word, such as "UP".
type OperState uint8

// Operational states (IF_OPER_*) as OperState values.
const (
	OperStateUnknown        OperState = IF_OPER_UNKNOWN
	OperStateNotPresent     OperState = IF_OPER_NOTPRESENT
	OperStateDown           OperState = IF_OPER_DOWN
	OperStateLowerLayerDown OperState = IF_OPER_LOWERLAYERDOWN
	OperStateTesting        OperState = IF_OPER_TESTING
	OperStateDormant        OperState = IF_OPER_DORMANT
	OperStateUp             OperState = IF_OPER_UP
)

// operStateNames are iproute2's names of the operational states
// (oper_states). Never written.
var operStateNames = [...]string{
	IF_OPER_UNKNOWN:        "UNKNOWN",
	IF_OPER_NOTPRESENT:     "NOTPRESENT",
	IF_OPER_DOWN:           "DOWN",
	IF_OPER_LOWERLAYERDOWN: "LOWERLAYERDOWN",
	IF_OPER_TESTING:        "TESTING",
	IF_OPER_DORMANT:        "DORMANT",
	IF_OPER_UP:             "UP",
}

// String returns the state as ip prints it ("UP", "DOWN", "UNKNOWN",
// "LOWERLAYERDOWN", "DORMANT", "TESTING", "NOTPRESENT"), or an unknown
// state in hexadecimal such as "0x7".
func (s OperState) String() string {
	if int(s) < len(operStateNames) {
		return operStateNames[s]
	}
	return "0x" + strconv.FormatUint(uint64(s), 16)
}

// LinkMode is the link mode of an interface (IFLA_LINKMODE,
// IF_LINK_MODE_*). Its String method prints ip's word, such as
// "DEFAULT".
type LinkMode uint8

// Link modes (IF_LINK_MODE_*) as LinkMode values.
const (
	LinkModeDefault LinkMode = IF_LINK_MODE_DEFAULT
	LinkModeDormant LinkMode = IF_LINK_MODE_DORMANT
	LinkModeTesting LinkMode = IF_LINK_MODE_TESTING
)

// String returns "DEFAULT", "DORMANT" or "TESTING", as ip prints the
// mode, or the number.
func (m LinkMode) String() string {
	switch m {
	case IF_LINK_MODE_DEFAULT:
		return "DEFAULT"
	case IF_LINK_MODE_DORMANT:
		return "DORMANT"
	case IF_LINK_MODE_TESTING:
		return "TESTING"
	}
	return strconv.Itoa(int(m))
}

// LinkType is the link-layer type of an interface (ifi_type, ARPHRD_*).
// Its String method prints ip's word, such as "ether" or "loopback".
type LinkType uint16

// Common link-layer types (ARPHRD_*) as LinkType values.
const (
	LinkTypeEther      LinkType = ARPHRD_ETHER
	LinkTypeLoopback   LinkType = ARPHRD_LOOPBACK
	LinkTypeNone       LinkType = ARPHRD_NONE
	LinkTypeVoid       LinkType = ARPHRD_VOID
	LinkTypeIEEE80211  LinkType = ARPHRD_IEEE80211
	LinkTypeTunnel     LinkType = ARPHRD_TUNNEL
	LinkTypeTunnel6    LinkType = ARPHRD_TUNNEL6
	LinkTypeIPGRE      LinkType = ARPHRD_IPGRE
	LinkTypeIP6GRE     LinkType = ARPHRD_IP6GRE
	LinkTypeSIT        LinkType = ARPHRD_SIT
	LinkTypePPP        LinkType = ARPHRD_PPP
	LinkTypeInfiniBand LinkType = ARPHRD_INFINIBAND
	LinkTypeCAN        LinkType = ARPHRD_CAN
	LinkTypeNetlink    LinkType = ARPHRD_NETLINK
)

// linkTypeName names one link-layer type.
type linkTypeName struct {
	typ  LinkType
	name string
}

// linkTypeNames are iproute2's names of link-layer types (arphrd_names
// of lib/ll_types.c). Never written.
var linkTypeNames = [...]linkTypeName{
	{0, "generic"},
	{ARPHRD_ETHER, "ether"},
	{ARPHRD_EETHER, "eether"},
	{ARPHRD_AX25, "ax25"},
	{ARPHRD_PRONET, "pronet"},
	{ARPHRD_CHAOS, "chaos"},
	{ARPHRD_IEEE802, "ieee802"},
	{ARPHRD_ARCNET, "arcnet"},
	{ARPHRD_APPLETLK, "atalk"},
	{ARPHRD_DLCI, "dlci"},
	{ARPHRD_ATM, "atm"},
	{ARPHRD_METRICOM, "metricom"},
	{ARPHRD_IEEE1394, "ieee1394"},
	{ARPHRD_INFINIBAND, "infiniband"},
	{ARPHRD_SLIP, "slip"},
	{ARPHRD_CSLIP, "cslip"},
	{ARPHRD_SLIP6, "slip6"},
	{ARPHRD_CSLIP6, "cslip6"},
	{ARPHRD_RSRVD, "rsrvd"},
	{ARPHRD_ADAPT, "adapt"},
	{ARPHRD_ROSE, "rose"},
	{ARPHRD_X25, "x25"},
	{ARPHRD_HWX25, "hwx25"},
	{ARPHRD_CAN, "can"},
	{ARPHRD_PPP, "ppp"},
	{ARPHRD_HDLC, "hdlc"},
	{ARPHRD_LAPB, "lapb"},
	{ARPHRD_DDCMP, "ddcmp"},
	{ARPHRD_RAWHDLC, "rawhdlc"},
	{ARPHRD_TUNNEL, "ipip"},
	{ARPHRD_TUNNEL6, "tunnel6"},
	{ARPHRD_FRAD, "frad"},
	{ARPHRD_SKIP, "skip"},
	{ARPHRD_LOOPBACK, "loopback"},
	{ARPHRD_LOCALTLK, "ltalk"},
	{ARPHRD_FDDI, "fddi"},
	{ARPHRD_BIF, "bif"},
	{ARPHRD_SIT, "sit"},
	{ARPHRD_IPDDP, "ip/ddp"},
	{ARPHRD_IPGRE, "gre"},
	{ARPHRD_PIMREG, "pimreg"},
	{ARPHRD_HIPPI, "hippi"},
	{ARPHRD_ASH, "ash"},
	{ARPHRD_ECONET, "econet"},
	{ARPHRD_IRDA, "irda"},
	{ARPHRD_FCPP, "fcpp"},
	{ARPHRD_FCAL, "fcal"},
	{ARPHRD_FCPL, "fcpl"},
	{ARPHRD_FCFABRIC, "fcfb0"},
	{ARPHRD_FCFABRIC + 1, "fcfb1"},
	{ARPHRD_FCFABRIC + 2, "fcfb2"},
	{ARPHRD_FCFABRIC + 3, "fcfb3"},
	{ARPHRD_FCFABRIC + 4, "fcfb4"},
	{ARPHRD_FCFABRIC + 5, "fcfb5"},
	{ARPHRD_FCFABRIC + 6, "fcfb6"},
	{ARPHRD_FCFABRIC + 7, "fcfb7"},
	{ARPHRD_FCFABRIC + 8, "fcfb8"},
	{ARPHRD_FCFABRIC + 9, "fcfb9"},
	{ARPHRD_FCFABRIC + 10, "fcfb10"},
	{ARPHRD_FCFABRIC + 11, "fcfb11"},
	{ARPHRD_FCFABRIC + 12, "fcfb12"},
	{ARPHRD_IEEE802_TR, "tr"},
	{ARPHRD_IEEE80211, "ieee802.11"},
	{ARPHRD_IEEE80211_PRISM, "ieee802.11/prism"},
	{ARPHRD_IEEE80211_RADIOTAP, "ieee802.11/radiotap"},
	{ARPHRD_IEEE802154, "ieee802.15.4"},
	{ARPHRD_IEEE802154_MONITOR, "ieee802.15.4/monitor"},
	{ARPHRD_PHONET, "phonet"},
	{ARPHRD_PHONET_PIPE, "phonet_pipe"},
	{ARPHRD_CAIF, "caif"},
	{ARPHRD_IP6GRE, "gre6"},
	{ARPHRD_NETLINK, "netlink"},
	{ARPHRD_6LOWPAN, "6lowpan"},
	{ARPHRD_NONE, "none"},
	{ARPHRD_VOID, "void"},
}

// String returns ip's name of the link-layer type, as printed after
// "link/" and in the "link_type" of ip -json: "ether", "loopback",
// "none", "ieee802.11", "ipip" (ARPHRD_TUNNEL), "gre"... A type
// iproute2 does not name prints as its number in brackets, such as
// "[290]".
func (t LinkType) String() string {
	for _, tn := range linkTypeNames {
		if tn.typ == t {
			return tn.name
		}
	}
	return "[" + strconv.Itoa(int(t)) + "]"
}

// LinkStats64 holds the counters of an interface (struct
// rtnl_link_stats64, IFLA_STATS64), in the kernel's order.
type LinkStats64 struct {
	RxPackets  uint64 // packets received (rx_packets)
	TxPackets  uint64 // packets transmitted (tx_packets)
	RxBytes    uint64 // bytes received (rx_bytes)
	TxBytes    uint64 // bytes transmitted (tx_bytes)
	RxErrors   uint64 // bad packets received (rx_errors)
	TxErrors   uint64 // packet transmit problems (tx_errors)
	RxDropped  uint64 // packets received but dropped (rx_dropped)
	TxDropped  uint64 // packets dropped on transmit (tx_dropped)
	Multicast  uint64 // multicast packets received (multicast)
	Collisions uint64 // collisions (collisions)

	// Detailed receive errors.
	RxLengthErrors uint64 // rx_length_errors
	RxOverErrors   uint64 // receiver ring buffer overflows (rx_over_errors)
	RxCRCErrors    uint64 // packets with a CRC error (rx_crc_errors)
	RxFrameErrors  uint64 // frame alignment errors (rx_frame_errors)
	RxFIFOErrors   uint64 // receiver FIFO overruns (rx_fifo_errors)
	RxMissedErrors uint64 // packets missed by the host (rx_missed_errors)

	// Detailed transmit errors.
	TxAbortedErrors   uint64 // tx_aborted_errors
	TxCarrierErrors   uint64 // tx_carrier_errors
	TxFIFOErrors      uint64 // tx_fifo_errors
	TxHeartbeatErrors uint64 // tx_heartbeat_errors
	TxWindowErrors    uint64 // tx_window_errors

	// For compressed links such as CSLIP.
	RxCompressed uint64 // rx_compressed
	TxCompressed uint64 // tx_compressed

	// RxNoHandler counts packets dropped for want of a protocol handler
	// (rx_nohandler, Linux 4.6).
	RxNoHandler uint64
	// RxOtherhostDropped counts packets dropped because they were for
	// another host (rx_otherhost_dropped, Linux 5.19).
	RxOtherhostDropped uint64
}

// Sizes of the counter structures.
const (
	linkStatsCount = 25     // counters in LinkStats64
	linkStats64Min = 23 * 8 // struct rtnl_link_stats64 before rx_nohandler
	linkStats32Min = 23 * 4 // struct rtnl_link_stats before rx_nohandler
	linkIfmapMin   = 28     // struct rtnl_link_ifmap without its tail padding
	linkIfmapLen   = 32     // struct rtnl_link_ifmap as the kernel pads it on 64-bit machines
	ifinfomsgLen   = 16     // struct ifinfomsg
	linkNameMax    = 15     // IFNAMSIZ-1: longest interface name
	linkAltNameMax = 127    // ALTIFNAMSIZ-1: longest alternative name
	linkAliasMax   = 255    // IFALIASZ-1: longest alias
	linkAddrMax    = 32     // MAX_ADDR_LEN: longest hardware address
)

// linkStatsFrom returns the counters v, in the kernel's order, as a
// LinkStats64.
func linkStatsFrom(v *[linkStatsCount]uint64) LinkStats64 {
	return LinkStats64{
		v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9],
		v[10], v[11], v[12], v[13], v[14], v[15],
		v[16], v[17], v[18], v[19], v[20],
		v[21], v[22],
		v[23], v[24],
	}
}

// LinkIfMap describes the hardware resources of a device (struct
// rtnl_link_ifmap, IFLA_MAP). Virtual devices report zeros.
type LinkIfMap struct {
	MemStart uint64 // mem_start
	MemEnd   uint64 // mem_end
	BaseAddr uint64 // base_addr
	IRQ      uint16 // irq
	DMA      uint8  // dma
	Port     uint8  // port
}

// LinkXDP describes the XDP programs attached to a device (IFLA_XDP,
// IFLA_XDP_*). It is read only: attaching a program is not modelled.
type LinkXDP struct {
	// Attached is the attach mode, XDP_ATTACHED_* (IFLA_XDP_ATTACHED).
	Attached uint8
	// ProgID is the id of the attached program when there is one
	// (IFLA_XDP_PROG_ID).
	ProgID uint32
	// DrvProgID, SKBProgID and HWProgID are the ids of the programs
	// attached in each mode when several are (IFLA_XDP_DRV_PROG_ID,
	// IFLA_XDP_SKB_PROG_ID, IFLA_XDP_HW_PROG_ID).
	DrvProgID uint32 // IFLA_XDP_DRV_PROG_ID
	SKBProgID uint32 // IFLA_XDP_SKB_PROG_ID
	HWProgID  uint32 // IFLA_XDP_HW_PROG_ID
}

// commonLinkKinds are device kinds decoded without allocating. Never
// written.
var commonLinkKinds = [...]string{
	"veth", "bridge", "vxlan", "macvlan", "vlan", "bond", "dummy", "tun", "ipvlan", "vrf",
	"geneve", "wireguard", "ifb", "team", "macvtap", "ipvtap", "gre", "gretap", "ip6gre", "ip6gretap",
	"ipip", "ip6tnl", "sit", "vti", "vti6", "xfrm", "netkit", "nlmon", "vcan", "vxcan", "macsec",
	"hsr", "bareudp", "gtp", "erspan", "ip6erspan", "batadv", "openvswitch", "ipoib", "amt",
	"virt_wifi", "can", "lowpan", "rmnet", "pfcp",
}

// commonQdiscs are queueing discipline names decoded without
// allocating. Never written.
var commonQdiscs = [...]string{
	"noqueue", "noop", "fq_codel", "pfifo_fast", "mq", "fq", "htb", "cake", "pfifo", "bfifo",
	"sfq", "tbf", "prio", "netem", "ingress", "clsact", "hfsc", "red", "codel", "fq_pie", "pie",
	"mqprio", "taprio", "etf", "drr", "qfq", "multiq", "sfb", "choke", "skbprio", "cbs", "ets",
	"hhf", "plug",
}

// commonBusNames are parent bus names decoded without allocating. Never
// written.
var commonBusNames = [...]string{"pci", "usb", "platform", "virtio", "vmbus", "xen", "auxiliary", "mdio_bus", "sdio"}

// internString returns the string in b up to its first NUL, sharing the
// storage of an equal entry of common.
func internString(b []byte, common []string) string {
	for i, c := range b {
		if c == 0 {
			b = b[:i]
			break
		}
	}
	for _, s := range common {
		if string(b) == s {
			return s
		}
	}
	return string(b)
}
