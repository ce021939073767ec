package netlink

import (
	"encoding/binary"
	"fmt"
	"math"
	"net"
	"strconv"
	"strings"
)

// Link is a network interface: struct ifinfomsg and its IFLA_*
// attributes, as the kernel sends them in RTM_NEWLINK and RTM_DELLINK
// messages and accepts them in RTM_NEWLINK, RTM_SETLINK, RTM_DELLINK and
// RTM_GETLINK requests. A zero number or an empty string or slice means
// the attribute is absent, unless a field's comment says otherwise.
//
// UnmarshalBinary and DecodeLink decode a Link; AppendBinary and
// MarshalBinary encode the fields a request can set; String prints it
// as the first line of ip link show.
type Link struct {
	// Family is the address family (ifi_family): AF_UNSPEC (0), or
	// AF_BRIDGE (7) in the messages of bridge ports.
	Family uint8
	// Type is the link-layer type (ifi_type, ARPHRD_*). Requests
	// ignore it.
	Type LinkType
	// Index is the interface index (ifi_index). In a request to create
	// a link, a non-zero Index asks for that index.
	Index int
	// Flags are the interface flags (ifi_flags, IFF_*).
	Flags LinkFlags
	// Change is the mask of the Flags a request changes (ifi_change).
	// The kernel treats 0 as all flags: a request with Flags set and
	// Change 0 replaces every flag it may change. The kernel sends 0 in
	// dumps.
	Change uint32

	// Name is the interface name (IFLA_IFNAME), at most 15 bytes.
	Name string
	// AltNames are the alternative names of the interface
	// (IFLA_ALT_IFNAME in IFLA_PROP_LIST). Read only: RTM_NEWLINKPROP
	// changes them.
	AltNames []string
	// Alias is the interface alias (IFLA_IFALIAS), "ifalias" in ip
	// link, at most 255 bytes.
	Alias string
	// MTU is the maximum transmission unit (IFLA_MTU).
	MTU uint32
	// MinMTU and MaxMTU bound the MTU the device accepts (IFLA_MIN_MTU,
	// IFLA_MAX_MTU). Read only.
	MinMTU uint32 // smallest MTU (IFLA_MIN_MTU)
	MaxMTU uint32 // largest MTU (IFLA_MAX_MTU)
	// TxQueueLen is the length of the transmit queue (IFLA_TXQLEN),
	// "qlen" in ip link.
	TxQueueLen uint32
	// HardwareAddr is the link-layer address (IFLA_ADDRESS).
	HardwareAddr net.HardwareAddr
	// Broadcast is the link-layer broadcast address, or the peer's
	// address on a point-to-point link (IFLA_BROADCAST).
	Broadcast net.HardwareAddr
	// PermAddress is the permanent hardware address, when the device has
	// one other than HardwareAddr (IFLA_PERM_ADDRESS). Read only.
	PermAddress net.HardwareAddr
	// OperState is the RFC 2863 operational state (IFLA_OPERSTATE).
	OperState OperState
	// LinkMode is the link mode (IFLA_LINKMODE).
	LinkMode LinkMode
	// Master is the index of the master device, such as the bridge or
	// bond the interface is a port of (IFLA_MASTER). In RTM_SETLINK
	// requests 0 leaves the master alone; see Connection.SetLinkMaster
	// to release a port.
	Master int
	// ParentIndex is the index of the device this one is stacked on or
	// paired with (IFLA_LINK): the peer of a veth, the lower device of
	// a VLAN or macvlan. The index is in the namespace LinkNetNSID names
	// when HasLinkNetNSID is set.
	ParentIndex int
	// LinkNetNSID is the id, in this namespace, of the network namespace
	// of the ParentIndex device (IFLA_LINK_NETNSID), valid when
	// HasLinkNetNSID is set: the kernel sends it for a veth whose peer
	// is in another namespace.
	LinkNetNSID int32
	// HasLinkNetNSID tells whether LinkNetNSID is present.
	HasLinkNetNSID bool
	// Group is the device group (IFLA_GROUP); 0 is "default".
	Group uint32
	// Qdisc is the name of the root queueing discipline (IFLA_QDISC),
	// such as "noqueue" or "fq_codel". Read only.
	Qdisc string
	// NumTxQueues and NumRxQueues are the numbers of transmit and
	// receive queues (IFLA_NUM_TX_QUEUES, IFLA_NUM_RX_QUEUES), which
	// only requests that create a link can set.
	NumTxQueues uint32 // transmit queues (IFLA_NUM_TX_QUEUES)
	NumRxQueues uint32 // receive queues (IFLA_NUM_RX_QUEUES)
	// GSOMaxSize and GSOMaxSegs are the largest generic segmentation
	// offload packet the stack builds, in bytes and segments
	// (IFLA_GSO_MAX_SIZE, IFLA_GSO_MAX_SEGS).
	GSOMaxSize uint32 // bytes (IFLA_GSO_MAX_SIZE)
	GSOMaxSegs uint32 // segments (IFLA_GSO_MAX_SEGS)
	// GROMaxSize is the largest packet generic receive offload builds
	// (IFLA_GRO_MAX_SIZE).
	GROMaxSize uint32
	// GSOIPv4MaxSize and GROIPv4MaxSize are GSOMaxSize and GROMaxSize
	// for IPv4 (IFLA_GSO_IPV4_MAX_SIZE, IFLA_GRO_IPV4_MAX_SIZE).
	GSOIPv4MaxSize uint32 // IFLA_GSO_IPV4_MAX_SIZE
	GROIPv4MaxSize uint32 // IFLA_GRO_IPV4_MAX_SIZE
	// TSOMaxSize and TSOMaxSegs are the largest TCP segmentation offload
	// packet the device supports (IFLA_TSO_MAX_SIZE, IFLA_TSO_MAX_SEGS).
	// Read only.
	TSOMaxSize uint32 // bytes (IFLA_TSO_MAX_SIZE)
	TSOMaxSegs uint32 // segments (IFLA_TSO_MAX_SEGS)
	// Promiscuity counts the users of promiscuous mode
	// (IFLA_PROMISCUITY). Read only.
	Promiscuity uint32
	// AllMulti counts the users of all-multicast mode (IFLA_ALLMULTI).
	// Read only.
	AllMulti uint32
	// Carrier is 1 when the device has a carrier, else 0 (IFLA_CARRIER).
	// Read only here.
	Carrier uint8
	// CarrierChanges, CarrierUpCount and CarrierDownCount count carrier
	// changes (IFLA_CARRIER_CHANGES, IFLA_CARRIER_UP_COUNT,
	// IFLA_CARRIER_DOWN_COUNT). Read only.
	CarrierChanges   uint32 // IFLA_CARRIER_CHANGES
	CarrierUpCount   uint32 // IFLA_CARRIER_UP_COUNT
	CarrierDownCount uint32 // IFLA_CARRIER_DOWN_COUNT
	// ProtoDown tells whether a control protocol holds the device down
	// (IFLA_PROTO_DOWN). Requests send it only when true.
	ProtoDown bool
	// ParentDevName and ParentDevBusName name the device's parent
	// device and its bus, such as "0000:00:1f.6" on "pci"
	// (IFLA_PARENT_DEV_NAME, IFLA_PARENT_DEV_BUS_NAME). Read only.
	ParentDevName    string // IFLA_PARENT_DEV_NAME
	ParentDevBusName string // IFLA_PARENT_DEV_BUS_NAME
	// PhysPortID, PhysSwitchID and PhysPortName identify the physical
	// port and switch of the device (IFLA_PHYS_PORT_ID,
	// IFLA_PHYS_SWITCH_ID, IFLA_PHYS_PORT_NAME). Read only.
	PhysPortID   []byte // IFLA_PHYS_PORT_ID
	PhysSwitchID []byte // IFLA_PHYS_SWITCH_ID
	PhysPortName string // IFLA_PHYS_PORT_NAME

	// Kind is the kind of device (IFLA_INFO_KIND in IFLA_LINKINFO), such
	// as "veth", "bridge", "vxlan" or "macvlan"; empty for a physical
	// device or the loopback. Creating a link needs one.
	Kind string
	// InfoData is the payload of IFLA_INFO_DATA: the kind's own nested
	// attributes (IFLA_BR_*, IFLA_VXLAN_*...), kept as bytes.
	InfoData []byte
	// InfoXStats is the payload of IFLA_INFO_XSTATS, the kind's own
	// statistics, kept as bytes. Read only.
	InfoXStats []byte
	// SlaveKind is the kind of the master of a port
	// (IFLA_INFO_SLAVE_KIND), such as "bridge" or "bond".
	SlaveKind string
	// InfoSlaveData is the payload of IFLA_INFO_SLAVE_DATA: the port's
	// attributes of the master's kind (IFLA_BRPORT_*...), kept as bytes.
	InfoSlaveData []byte
	// Peer describes the peer of a "veth" (also "vxcan" and "netkit")
	// link to create: encoding puts it in IFLA_INFO_DATA as
	// VETH_INFO_PEER, with its Name, HardwareAddr, MTU and other fields
	// a request can set. The kernel never reports it; decoding leaves it
	// nil.
	Peer *Link

	// Stats64 holds the interface's counters (IFLA_STATS64, or the
	// 32-bit IFLA_STATS when the kernel sends no IFLA_STATS64). Read
	// only.
	Stats64 LinkStats64
	// Map describes the hardware resources of the device (IFLA_MAP).
	Map LinkIfMap
	// XDP describes the attached XDP programs (IFLA_XDP). Read only.
	XDP LinkXDP
	// AFSpec is the payload of IFLA_AF_SPEC, the per-address-family
	// configuration nested by family (AF_INET, AF_INET6...), kept as
	// bytes. Read only here.
	AFSpec []byte
	// Event is the reason of a notification, IFLA_EVENT_* (IFLA_EVENT).
	// Read only.
	Event uint32
	// NetNSImmutable tells whether the device cannot move to another
	// network namespace (IFLA_NETNS_IMMUTABLE, Linux 6.13), such as the
	// loopback. Read only.
	NetNSImmutable bool
	// Headroom and Tailroom are the extra room the device needs around
	// packets (IFLA_HEADROOM, IFLA_TAILROOM, Linux 6.15). Read only.
	Headroom uint16 // IFLA_HEADROOM
	Tailroom uint16 // IFLA_TAILROOM
	// MaxPacingOffloadHorizon is the pacing offload horizon of the
	// device in nanoseconds (IFLA_MAX_PACING_OFFLOAD_HORIZON, Linux
	// 6.13). Read only.
	MaxPacingOffloadHorizon uint64

	// Raw holds, in order, every attribute this type does not model,
	// such as IFLA_PROTINFO, IFLA_VFINFO_LIST or IFLA_PROTO_DOWN_REASON,
	// with its own copy of the payload. Encoding appends them as they
	// are. IFLA_PAD, IFLA_STATS beside IFLA_STATS64, and the empty
	// IFLA_DEVLINK_PORT and IFLA_DPLL_PIN the kernel sends for devices
	// without them are dropped.
	Raw []Attribute
}

// DecodeLink decodes the Link in m, an RTM_NEWLINK, RTM_DELLINK,
// RTM_GETLINK or RTM_SETLINK message. Another message type, or a nil m,
// is an error wrapping ErrInvalidOptions; a payload that does not hold a
// link is an error wrapping ErrMalformed. The Link does not alias
// m.Data.
func DecodeLink(m *Message) (Link, error) {
	var l Link
	if m == nil {
		return l, fmt.Errorf("%w: link: nil message", ErrInvalidOptions)
	}
	switch m.Type {
	case RTM_NEWLINK, RTM_DELLINK, RTM_GETLINK, RTM_SETLINK:
	default:
		return l, fmt.Errorf("%w: link: %s message, want RTM_NEWLINK, RTM_DELLINK, RTM_GETLINK or RTM_SETLINK",
			ErrInvalidOptions, MessageTypeString(m.Type))
	}
	err := l.UnmarshalBinary(m.Data)
	return l, err
}

// UnmarshalBinary decodes a link from b, the payload of a link message
// (Message.Data): struct ifinfomsg followed by IFLA_* attributes. It
// resets l first and copies what it keeps, so b may be reused
// afterwards. A payload shorter than struct ifinfomsg, an attribute
// whose length disagrees with the buffer, or a payload of the wrong size
// for its attribute (a 3-byte IFLA_MTU) is an error wrapping
// ErrMalformed, and l is left zero.
//
// All the bytes a link keeps (its addresses, IFLA_AF_SPEC, the kind's
// data, the payloads of Raw) share one allocation; the name is a second.
// A link whose kind and queueing discipline are common ones, with no
// alias, alternative name or unmodelled attribute, costs those two.
func (l *Link) UnmarshalBinary(b []byte) error {
	*l = Link{}
	if err := l.unmarshal(b, nil); err != nil {
		*l = Link{}
		return err
	}
	return nil
}

// linkArena hands out byte slices carved from shared blocks, so that
// the links of a dump need not allocate each. A nil *linkArena
// allocates every request apart.
type linkArena struct {
	block []byte
}

// linkArenaBlock is the size of a linkArena's blocks: a few links'
// worth, so that a link kept alone keeps little else alive.
const linkArenaBlock = 16 << 10

// alloc returns n bytes, or nil when n is 0.
func (a *linkArena) alloc(n int) []byte {
	if n == 0 {
		return nil
	}
	if a == nil || n > linkArenaBlock/4 {
		return make([]byte, n)
	}
	if cap(a.block)-len(a.block) < n {
		a.block = make([]byte, 0, linkArenaBlock)
	}
	start := len(a.block)
	a.block = a.block[:start+n]
	return a.block[start : start+n : start+n]
}

// carve copies src to the front of *buf and returns that copy, capped so
// that appending to it cannot overwrite what follows; nil for an empty
// src.
func carve(buf *[]byte, src []byte) []byte {
	if len(src) == 0 {
		return nil
	}
	n := copy(*buf, src)
	s := (*buf)[:n:n]
	*buf = (*buf)[n:]
	return s
}

// linkRawScratch is the number of unmodelled attributes a link decodes
// before its scratch list moves to the heap.
const linkRawScratch = 8

// unmarshal does the work of UnmarshalBinary on a zero l, taking the
// bytes it keeps from arena.
func (l *Link) unmarshal(b []byte, arena *linkArena) error {
	if len(b) < ifinfomsgLen {
		return fmt.Errorf("%w: link: %d-byte payload, shorter than struct ifinfomsg (%d bytes)", ErrMalformed, len(b), ifinfomsgLen)
	}
	l.Family = b[0]
	l.Type = LinkType(binary.NativeEndian.Uint16(b[2:4]))
	l.Index = int(int32(binary.NativeEndian.Uint32(b[4:8])))
	l.Flags = LinkFlags(binary.NativeEndian.Uint32(b[8:12]))
	l.Change = binary.NativeEndian.Uint32(b[12:16])

	// Until own copies them, the byte fields and raw alias b.
	var scratch [linkRawScratch]Attribute
	raw := scratch[:0]
	have64 := false
	ad := NewAttributeDecoder(b[ifinfomsgLen:])
	for ad.Next() {
		switch t := ad.Type(); t {
		case IFLA_ADDRESS:
			l.HardwareAddr = ad.Bytes()
		case IFLA_BROADCAST:
			l.Broadcast = ad.Bytes()
		case IFLA_PERM_ADDRESS:
			l.PermAddress = ad.Bytes()
		case IFLA_IFNAME:
			l.Name = ad.String()
		case IFLA_IFALIAS:
			l.Alias = ad.String()
		case IFLA_QDISC:
			l.Qdisc = internString(ad.Bytes(), commonQdiscs[:])
		case IFLA_MTU:
			l.MTU = ad.Uint32()
		case IFLA_MIN_MTU:
			l.MinMTU = ad.Uint32()
		case IFLA_MAX_MTU:
			l.MaxMTU = ad.Uint32()
		case IFLA_TXQLEN:
			l.TxQueueLen = ad.Uint32()
		case IFLA_OPERSTATE:
			l.OperState = OperState(ad.Uint8())
		case IFLA_LINKMODE:
			l.LinkMode = LinkMode(ad.Uint8())
		case IFLA_MASTER:
			l.Master = int(ad.Int32())
		case IFLA_LINK:
			l.ParentIndex = int(ad.Int32())
		case IFLA_LINK_NETNSID:
			l.LinkNetNSID = ad.Int32()
			l.HasLinkNetNSID = true
		case IFLA_GROUP:
			l.Group = ad.Uint32()
		case IFLA_NUM_TX_QUEUES:
			l.NumTxQueues = ad.Uint32()
		case IFLA_NUM_RX_QUEUES:
			l.NumRxQueues = ad.Uint32()
		case IFLA_GSO_MAX_SIZE:
			l.GSOMaxSize = ad.Uint32()
		case IFLA_GSO_MAX_SEGS:
			l.GSOMaxSegs = ad.Uint32()
		case IFLA_GRO_MAX_SIZE:
			l.GROMaxSize = ad.Uint32()
		case IFLA_GSO_IPV4_MAX_SIZE:
			l.GSOIPv4MaxSize = ad.Uint32()
		case IFLA_GRO_IPV4_MAX_SIZE:
			l.GROIPv4MaxSize = ad.Uint32()
		case IFLA_TSO_MAX_SIZE:
			l.TSOMaxSize = ad.Uint32()
		case IFLA_TSO_MAX_SEGS:
			l.TSOMaxSegs = ad.Uint32()
		case IFLA_PROMISCUITY:
			l.Promiscuity = ad.Uint32()
		case IFLA_ALLMULTI:
			l.AllMulti = ad.Uint32()
		case IFLA_CARRIER:
			l.Carrier = ad.Uint8()
		case IFLA_CARRIER_CHANGES:
			l.CarrierChanges = ad.Uint32()
		case IFLA_CARRIER_UP_COUNT:
			l.CarrierUpCount = ad.Uint32()
		case IFLA_CARRIER_DOWN_COUNT:
			l.CarrierDownCount = ad.Uint32()
		case IFLA_PROTO_DOWN:
			l.ProtoDown = ad.Uint8() != 0
		case IFLA_PARENT_DEV_NAME:
			l.ParentDevName = ad.String()
		case IFLA_PARENT_DEV_BUS_NAME:
			l.ParentDevBusName = internString(ad.Bytes(), commonBusNames[:])
		case IFLA_PHYS_PORT_ID:
			l.PhysPortID = ad.Bytes()
		case IFLA_PHYS_SWITCH_ID:
			l.PhysSwitchID = ad.Bytes()
		case IFLA_PHYS_PORT_NAME:
			l.PhysPortName = ad.String()
		case IFLA_PROP_LIST:
			if err := l.unmarshalProps(ad.Bytes()); err != nil {
				return err
			}
		case IFLA_LINKINFO:
			if err := l.unmarshalLinkInfo(ad.Bytes()); err != nil {
				return err
			}
		case IFLA_STATS64:
			if err := l.Stats64.unmarshal(ad.Bytes(), 8); err != nil {
				return err
			}
			have64 = true
		case IFLA_STATS:
			if !have64 {
				if err := l.Stats64.unmarshal(ad.Bytes(), 4); err != nil {
					return err
				}
			}
		case IFLA_MAP:
			if err := l.Map.unmarshal(ad.Bytes()); err != nil {
				return err
			}
		case IFLA_XDP:
			if err := l.XDP.unmarshal(ad.Bytes()); err != nil {
				return err
			}
		case IFLA_AF_SPEC:
			l.AFSpec = ad.Bytes()
		case IFLA_EVENT:
			l.Event = ad.Uint32()
		case IFLA_NETNS_IMMUTABLE:
			l.NetNSImmutable = ad.Uint8() != 0
		case IFLA_HEADROOM:
			l.Headroom = ad.Uint16()
		case IFLA_TAILROOM:
			l.Tailroom = ad.Uint16()
		case IFLA_MAX_PACING_OFFLOAD_HORIZON:
			l.MaxPacingOffloadHorizon = ad.Uint64()
		case IFLA_DEVLINK_PORT, IFLA_DPLL_PIN:
			if ad.Len() > 0 {
				raw = append(raw, Attribute{Type: ad.TypeFlags(), Data: ad.Bytes()})
			}
		case IFLA_PAD:
		default:
			raw = append(raw, Attribute{Type: ad.TypeFlags(), Data: ad.Bytes()})
		}
	}
	if err := ad.Err(); err != nil {
		return fmt.Errorf("link: %w", err)
	}
	l.own(raw, arena)
	return nil
}

// own replaces the byte fields of l, which alias the decoded payload, and
// the unmodelled attributes raw by copies carved from one allocation.
func (l *Link) own(raw []Attribute, arena *linkArena) {
	n := len(l.HardwareAddr) + len(l.Broadcast) + len(l.PermAddress) + len(l.PhysPortID) +
		len(l.PhysSwitchID) + len(l.InfoData) + len(l.InfoXStats) + len(l.InfoSlaveData) + len(l.AFSpec)
	for _, a := range raw {
		n += len(a.Data)
	}
	buf := arena.alloc(n)
	l.HardwareAddr = carve(&buf, l.HardwareAddr)
	l.Broadcast = carve(&buf, l.Broadcast)
	l.PermAddress = carve(&buf, l.PermAddress)
	l.PhysPortID = carve(&buf, l.PhysPortID)
	l.PhysSwitchID = carve(&buf, l.PhysSwitchID)
	l.InfoData = carve(&buf, l.InfoData)
	l.InfoXStats = carve(&buf, l.InfoXStats)
	l.InfoSlaveData = carve(&buf, l.InfoSlaveData)
	l.AFSpec = carve(&buf, l.AFSpec)
	if len(raw) > 0 {
		l.Raw = make([]Attribute, len(raw))
		for i, a := range raw {
			l.Raw[i] = Attribute{Type: a.Type, Data: carve(&buf, a.Data)}
		}
	}
}

// unmarshalLinkInfo decodes the payload of IFLA_LINKINFO. Its byte
// fields alias b until own copies them.
func (l *Link) unmarshalLinkInfo(b []byte) error {
	ad := NewAttributeDecoder(b)
	for ad.Next() {
		switch ad.Type() {
		case IFLA_INFO_KIND:
			l.Kind = internString(ad.Bytes(), commonLinkKinds[:])
		case IFLA_INFO_DATA:
			l.InfoData = ad.Bytes()
		case IFLA_INFO_XSTATS:
			l.InfoXStats = ad.Bytes()
		case IFLA_INFO_SLAVE_KIND:
			l.SlaveKind = internString(ad.Bytes(), commonLinkKinds[:])
		case IFLA_INFO_SLAVE_DATA:
			l.InfoSlaveData = ad.Bytes()
		}
	}
	if err := ad.Err(); err != nil {
		return fmt.Errorf("link: IFLA_LINKINFO: %w", err)
	}
	return nil
}

// unmarshalProps decodes the payload of IFLA_PROP_LIST.
func (l *Link) unmarshalProps(b []byte) error {
	ad := NewAttributeDecoder(b)
	for ad.Next() {
		if ad.Type() == IFLA_ALT_IFNAME {
			l.AltNames = append(l.AltNames, ad.String())
		}
	}
	if err := ad.Err(); err != nil {
		return fmt.Errorf("link: IFLA_PROP_LIST: %w", err)
	}
	return nil
}

// unmarshal decodes struct rtnl_link_stats64 (size 8) or struct
// rtnl_link_stats (size 4) into s: the 23 counters every kernel sends,
// then rx_nohandler and rx_otherhost_dropped when present. Counters a
// newer kernel adds are ignored.
func (s *LinkStats64) unmarshal(b []byte, size int) error {
	if len(b) < 23*size {
		name, what := "IFLA_STATS64", "struct rtnl_link_stats64"
		if size == 4 {
			name, what = "IFLA_STATS", "struct rtnl_link_stats"
		}
		return fmt.Errorf("%w: link: %s: %d-byte payload is shorter than %s (%d bytes)", ErrMalformed, name, len(b), what, 23*size)
	}
	var v [linkStatsCount]uint64
	n := min(len(b)/size, linkStatsCount)
	if size == 8 {
		for i := range n {
			v[i] = binary.NativeEndian.Uint64(b[8*i:])
		}
	} else {
		for i := range n {
			v[i] = uint64(binary.NativeEndian.Uint32(b[4*i:]))
		}
	}
	*s = linkStatsFrom(&v)
	return nil
}

// unmarshal decodes struct rtnl_link_ifmap.
func (m *LinkIfMap) unmarshal(b []byte) error {
	if len(b) < linkIfmapMin {
		return fmt.Errorf("%w: link: IFLA_MAP: %d-byte payload is shorter than struct rtnl_link_ifmap (%d bytes)", ErrMalformed, len(b), linkIfmapMin)
	}
	*m = LinkIfMap{
		MemStart: binary.NativeEndian.Uint64(b[0:]),
		MemEnd:   binary.NativeEndian.Uint64(b[8:]),
		BaseAddr: binary.NativeEndian.Uint64(b[16:]),
		IRQ:      binary.NativeEndian.Uint16(b[24:]),
		DMA:      b[26],
		Port:     b[27],
	}
	return nil
}

// unmarshal decodes the payload of IFLA_XDP. Attributes only requests
// carry, and unknown ones, are skipped.
func (x *LinkXDP) unmarshal(b []byte) error {
	*x = LinkXDP{}
	ad := NewAttributeDecoder(b)
	for ad.Next() {
		switch ad.Type() {
		case IFLA_XDP_ATTACHED:
			x.Attached = ad.Uint8()
		case IFLA_XDP_PROG_ID:
			x.ProgID = ad.Uint32()
		case IFLA_XDP_DRV_PROG_ID:
			x.DrvProgID = ad.Uint32()
		case IFLA_XDP_SKB_PROG_ID:
			x.SKBProgID = ad.Uint32()
		case IFLA_XDP_HW_PROG_ID:
			x.HWProgID = ad.Uint32()
		}
	}
	if err := ad.Err(); err != nil {
		return fmt.Errorf("link: IFLA_XDP: %w", err)
	}
	return nil
}

// MarshalBinary encodes l as the payload of a link request: struct
// ifinfomsg (Family, Type, Index, Flags, Change) followed by the
// attributes of the fields a request can set that are not zero: Name,
// HardwareAddr, Broadcast, MTU, ParentIndex, Master, TxQueueLen, Map,
// OperState, LinkMode, IFLA_LINKINFO (Kind, InfoData or Peer, SlaveKind,
// InfoSlaveData), Alias, Group, NumTxQueues, NumRxQueues, LinkNetNSID
// (when HasLinkNetNSID), GSOMaxSegs, GSOMaxSize, GROMaxSize,
// GSOIPv4MaxSize, GROIPv4MaxSize, ProtoDown (when true), then Raw. The
// read-only fields (statistics, counters, Qdisc, AltNames...) are not
// encoded. It validates l first (see Validate).
func (l *Link) MarshalBinary() ([]byte, error) {
	b, err := l.AppendBinary(make([]byte, 0, 128))
	if err != nil {
		return nil, err
	}
	return b, nil
}

// AppendBinary appends the encoding of l (see MarshalBinary) to b. On
// error it returns b unchanged in length and an error wrapping
// ErrInvalidOptions for a link that Validate rejects, or ErrMalformed
// for an attribute too long for its 16-bit length.
func (l *Link) AppendBinary(b []byte) ([]byte, error) {
	if err := l.validate(false); err != nil {
		return b, err
	}
	if len(b)%4 != 0 {
		// Attributes are padded to 4 bytes from the start of the
		// payload: encode apart, then append.
		p, err := l.appendBinary(make([]byte, 0, 128))
		if err != nil {
			return b, err
		}
		return append(b, p...), nil
	}
	return l.appendBinary(b)
}

// appendBinary encodes l, already validated, after b, whose length is a
// multiple of 4.
func (l *Link) appendBinary(b []byte) ([]byte, error) {
	start := len(b)
	ae := AttributeEncoder{b: appendIfinfomsg(b, l.Family, uint16(l.Type), l.Index, uint32(l.Flags), l.Change)}
	l.appendAttrs(&ae)
	if err := ae.Err(); err != nil {
		return b[:start], fmt.Errorf("link: %w", err)
	}
	return ae.b, nil
}

// appendIfinfomsg appends struct ifinfomsg.
func appendIfinfomsg(b []byte, family uint8, typ uint16, index int, flags, change uint32) []byte {
	var h [ifinfomsgLen]byte
	h[0] = family
	binary.NativeEndian.PutUint16(h[2:], typ)
	binary.NativeEndian.PutUint32(h[4:], uint32(int32(index)))
	binary.NativeEndian.PutUint32(h[8:], flags)
	binary.NativeEndian.PutUint32(h[12:], change)
	return append(b, h[:]...)
}

// appendAttrs appends the attributes of l that a request can set.
func (l *Link) appendAttrs(ae *AttributeEncoder) {
	if l.Name != "" {
		ae.String(IFLA_IFNAME, l.Name)
	}
	if len(l.HardwareAddr) > 0 {
		ae.Attr(IFLA_ADDRESS, l.HardwareAddr)
	}
	if len(l.Broadcast) > 0 {
		ae.Attr(IFLA_BROADCAST, l.Broadcast)
	}
	if l.MTU != 0 {
		ae.Uint32(IFLA_MTU, l.MTU)
	}
	if l.ParentIndex != 0 {
		ae.Uint32(IFLA_LINK, uint32(l.ParentIndex))
	}
	if l.Master != 0 {
		ae.Uint32(IFLA_MASTER, uint32(l.Master))
	}
	if l.TxQueueLen != 0 {
		ae.Uint32(IFLA_TXQLEN, l.TxQueueLen)
	}
	if l.Map != (LinkIfMap{}) {
		var m [linkIfmapLen]byte
		binary.NativeEndian.PutUint64(m[0:], l.Map.MemStart)
		binary.NativeEndian.PutUint64(m[8:], l.Map.MemEnd)
		binary.NativeEndian.PutUint64(m[16:], l.Map.BaseAddr)
		binary.NativeEndian.PutUint16(m[24:], l.Map.IRQ)
		m[26], m[27] = l.Map.DMA, l.Map.Port
		ae.Attr(IFLA_MAP, m[:])
	}
	if l.OperState != 0 {
		ae.Uint8(IFLA_OPERSTATE, uint8(l.OperState))
	}
	if l.LinkMode != 0 {
		ae.Uint8(IFLA_LINKMODE, uint8(l.LinkMode))
	}
	if l.Kind != "" || l.SlaveKind != "" || len(l.InfoData) > 0 || len(l.InfoSlaveData) > 0 || l.Peer != nil {
		info := ae.begin(IFLA_LINKINFO | NLA_F_NESTED)
		if l.Kind != "" {
			ae.String(IFLA_INFO_KIND, l.Kind)
		}
		switch {
		case l.Peer != nil:
			data := ae.begin(IFLA_INFO_DATA | NLA_F_NESTED)
			peer := ae.begin(VETH_INFO_PEER | NLA_F_NESTED)
			p := l.Peer
			ae.b = appendIfinfomsg(ae.b, p.Family, uint16(p.Type), p.Index, uint32(p.Flags), p.Change)
			p.appendAttrs(ae)
			ae.end(peer)
			ae.end(data)
		case len(l.InfoData) > 0:
			ae.Attr(IFLA_INFO_DATA|NLA_F_NESTED, l.InfoData)
		}
		if l.SlaveKind != "" {
			ae.String(IFLA_INFO_SLAVE_KIND, l.SlaveKind)
		}
		if len(l.InfoSlaveData) > 0 {
			ae.Attr(IFLA_INFO_SLAVE_DATA|NLA_F_NESTED, l.InfoSlaveData)
		}
		ae.end(info)
	}
	if l.Alias != "" {
		ae.String(IFLA_IFALIAS, l.Alias)
	}
	if l.Group != 0 {
		ae.Uint32(IFLA_GROUP, l.Group)
	}
	if l.NumTxQueues != 0 {
		ae.Uint32(IFLA_NUM_TX_QUEUES, l.NumTxQueues)
	}
	if l.NumRxQueues != 0 {
		ae.Uint32(IFLA_NUM_RX_QUEUES, l.NumRxQueues)
	}
	if l.HasLinkNetNSID {
		ae.Uint32(IFLA_LINK_NETNSID, uint32(l.LinkNetNSID))
	}
	if l.GSOMaxSegs != 0 {
		ae.Uint32(IFLA_GSO_MAX_SEGS, l.GSOMaxSegs)
	}
	if l.GSOMaxSize != 0 {
		ae.Uint32(IFLA_GSO_MAX_SIZE, l.GSOMaxSize)
	}
	if l.GROMaxSize != 0 {
		ae.Uint32(IFLA_GRO_MAX_SIZE, l.GROMaxSize)
	}
	if l.GSOIPv4MaxSize != 0 {
		ae.Uint32(IFLA_GSO_IPV4_MAX_SIZE, l.GSOIPv4MaxSize)
	}
	if l.GROIPv4MaxSize != 0 {
		ae.Uint32(IFLA_GRO_IPV4_MAX_SIZE, l.GROIPv4MaxSize)
	}
	if l.ProtoDown {
		ae.Uint8(IFLA_PROTO_DOWN, 1)
	}
	for _, a := range l.Raw {
		ae.Attr(a.Type, a.Data)
	}
}

// Validate reports whether l can be encoded as a link request. The
// error, wrapping ErrInvalidOptions, names the first problem found: a
// negative or too large Index, Master or ParentIndex; a Name the kernel
// refuses (empty is allowed: it is then not sent; longer than 15 bytes,
// ".", "..", or holding '/', ':', a NUL or white space); an Alias longer
// than 255 bytes or holding a NUL; a hardware or broadcast address longer
// than 32 bytes; a Kind or SlaveKind holding a NUL; InfoData without
// Kind; or a Peer on a kind other than "veth", "vxcan" and "netkit", a
// Peer beside InfoData, or a Peer that is invalid itself, has a kind or
// a peer of its own.
func (l *Link) Validate() error {
	return l.validate(false)
}

// invalidLink returns an error wrapping ErrInvalidOptions.
func invalidLink(format string, args ...any) error {
	return fmt.Errorf("%w: link: %s", ErrInvalidOptions, fmt.Sprintf(format, args...))
}

// validate checks l, the Peer of another link when peer is set.
func (l *Link) validate(peer bool) error {
	what := ""
	if peer {
		what = "Peer."
	}
	if err := checkLinkIndex(what, "Index", l.Index); err != nil {
		return err
	}
	if err := checkLinkIndex(what, "Master", l.Master); err != nil {
		return err
	}
	if err := checkLinkIndex(what, "ParentIndex", l.ParentIndex); err != nil {
		return err
	}
	if l.Name != "" {
		if err := checkLinkName(what, "Name", l.Name, linkNameMax); err != nil {
			return err
		}
	}
	if len(l.Alias) > linkAliasMax {
		return invalidLink("%sAlias is %d bytes long, more than %d", what, len(l.Alias), linkAliasMax)
	}
	if strings.IndexByte(l.Alias, 0) >= 0 {
		return invalidLink("%sAlias %q holds a NUL byte", what, l.Alias)
	}
	if len(l.HardwareAddr) > linkAddrMax {
		return invalidLink("%sHardwareAddr is %d bytes long, more than %d", what, len(l.HardwareAddr), linkAddrMax)
	}
	if len(l.Broadcast) > linkAddrMax {
		return invalidLink("%sBroadcast is %d bytes long, more than %d", what, len(l.Broadcast), linkAddrMax)
	}
	if strings.IndexByte(l.Kind, 0) >= 0 {
		return invalidLink("%sKind %q holds a NUL byte", what, l.Kind)
	}
	if strings.IndexByte(l.SlaveKind, 0) >= 0 {
		return invalidLink("%sSlaveKind %q holds a NUL byte", what, l.SlaveKind)
	}
	if len(l.InfoData) > 0 && l.Kind == "" {
		return invalidLink("%sInfoData without Kind", what)
	}
	if l.Peer != nil {
		if peer {
			return invalidLink("Peer has a Peer of its own")
		}
		switch l.Kind {
		case "veth", "vxcan", "netkit":
		default:
			return invalidLink("Peer on a %q link: only veth, vxcan and netkit links have one", l.Kind)
		}
		if len(l.InfoData) > 0 {
			return invalidLink("both Peer and InfoData set: the peer goes in IFLA_INFO_DATA")
		}
		if l.Peer.Kind != "" || l.Peer.SlaveKind != "" || len(l.Peer.InfoData) > 0 || len(l.Peer.InfoSlaveData) > 0 {
			return invalidLink("Peer has link info of its own (Kind %q): the peer takes its kind from the link", l.Peer.Kind)
		}
		if err := l.Peer.validate(true); err != nil {
			return err
		}
	}
	return nil
}

// checkLinkIndex checks the interface index of the field named
// prefix+name.
func checkLinkIndex(prefix, name string, i int) error {
	if i < 0 || i > math.MaxInt32 {
		return invalidLink("%s%s %d is not an interface index", prefix, name, i)
	}
	return nil
}

// checkLinkName checks a non-empty interface name of at most max bytes,
// of the field named prefix+field, as the kernel's dev_valid_name does.
func checkLinkName(prefix, field, name string, max int) error {
	if len(name) > max {
		return invalidLink("%s%s %q is %d bytes long, more than %d", prefix, field, name, len(name), max)
	}
	if name == "." || name == ".." {
		return invalidLink("%s%s %q is not a valid interface name", prefix, field, name)
	}
	for i := 0; i < len(name); i++ {
		switch c := name[i]; c {
		case 0, '/', ':', ' ', '\t', '\n', '\v', '\f', '\r':
			return invalidLink("%s%s %q holds %q, which interface names cannot", prefix, field, name, c)
		}
	}
	return nil
}

// String returns the first line ip link show (iproute2 6.1) prints for l,
// with the parent and master as "if<index>" (see Format); for example
// "3: veth0@if2: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue
// state UP mode DEFAULT group default qlen 1000".
func (l Link) String() string {
	return l.Format(nil)
}

// Format returns the first line ip link show (iproute2 6.1) prints for
// l: the index, the name with "@" and the parent device when there is
// one, the flags between < and >, then "mtu", the XDP mode, "qdisc",
// "master", "state", "mode", "group" and "qlen" (when not zero).
// ifname maps an interface index to its name; when it is nil or returns
// "", and for a parent in another namespace, the interface prints as
// "if<index>", as iproute2 prints an index it cannot name. ip's
// "M-DOWN", which depends on the state of the parent, is not printed.
func (l Link) Format(ifname func(index int) string) string {
	b := make([]byte, 0, 128)
	b = strconv.AppendInt(b, int64(l.Index), 10)
	b = append(b, ": "...)
	b = append(b, l.Name...)
	if l.ParentIndex != 0 {
		b = append(b, '@')
		if l.HasLinkNetNSID {
			ifname = nil
		}
		b = appendIfName(b, l.ParentIndex, ifname)
	}
	b = append(b, ": <"...)
	b = l.Flags.appendWords(b)
	b = append(b, '>')
	if l.MTU != 0 {
		b = append(b, " mtu "...)
		b = strconv.AppendUint(b, uint64(l.MTU), 10)
	}
	switch l.XDP.Attached {
	case XDP_ATTACHED_NONE:
	case XDP_ATTACHED_DRV:
		b = append(b, " xdp"...)
	case XDP_ATTACHED_SKB:
		b = append(b, " xdpgeneric"...)
	case XDP_ATTACHED_HW:
		b = append(b, " xdpoffload"...)
	default:
		b = append(b, " xdpmulti"...)
	}
	if l.Qdisc != "" {
		b = append(b, " qdisc "...)
		b = append(b, l.Qdisc...)
	}
	if l.Master != 0 {
		b = append(b, " master "...)
		b = appendIfName(b, l.Master, ifname)
	}
	b = append(b, " state "...)
	b = append(b, l.OperState.String()...)
	b = append(b, " mode "...)
	b = append(b, l.LinkMode.String()...)
	b = append(b, " group "...)
	if l.Group == 0 {
		b = append(b, "default"...)
	} else {
		b = strconv.AppendUint(b, uint64(l.Group), 10)
	}
	if l.TxQueueLen != 0 {
		b = append(b, " qlen "...)
		b = strconv.AppendUint(b, uint64(l.TxQueueLen), 10)
	}
	return string(b)
}

// appendIfName appends the name of interface index, or "if<index>".
func appendIfName(b []byte, index int, ifname func(int) string) []byte {
	if ifname != nil {
		if s := ifname(index); s != "" {
			return append(b, s...)
		}
	}
	b = append(b, "if"...)
	return strconv.AppendInt(b, int64(index), 10)
}
