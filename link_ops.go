package netlink

import (
	"context"
	"errors"
	"fmt"
)

// ListLinks dumps the network interfaces of the connection's namespace
// (RTM_GETLINK with NLM_F_DUMP), as ip link show does. If the table
// changed during the dump, it returns what it read with an error
// wrapping ErrDumpInterrupted.
//
// The bytes the links keep (addresses, IFLA_AF_SPEC...) are carved from
// 16 KiB blocks shared by a few links, so that a link costs about one
// allocation, for its name; a link kept alone keeps its block alive.
func (z *Connection) ListLinks(ctx context.Context) ([]Link, error) {
	// Decode straight from the socket's buffer: a link's payload is
	// larger than the Link it decodes to, so keeping the payloads to
	// size the slice first would cost more than growing it.
	var links []Link
	var arena linkArena
	err := z.dumpLinks(ctx, func(data []byte) error {
		links = append(links, Link{})
		l := &links[len(links)-1]
		if err := l.unmarshal(data, &arena); err != nil {
			links = links[:len(links)-1]
			return err
		}
		return nil
	})
	return links, err
}

// RangeLinks dumps the network interfaces as ListLinks does and calls fn
// with each until fn returns false. The *Link is reused for the next
// call: copy it to keep it (a copy's slices are its own).
func (z *Connection) RangeLinks(ctx context.Context, fn func(*Link) bool) error {
	var l Link
	var arena linkArena
	stopped := errors.New("stopped")
	err := z.dumpLinks(ctx, func(data []byte) error {
		l = Link{}
		if err := l.unmarshal(data, &arena); err != nil {
			return err
		}
		if !fn(&l) {
			return stopped
		}
		return nil
	})
	if errors.Is(err, stopped) {
		return nil
	}
	return err
}

// dumpLinks runs a link dump and calls fn with the payload of each
// RTM_NEWLINK reply, valid only during the call.
func (z *Connection) dumpLinks(ctx context.Context, fn func([]byte) error) error {
	req := appendIfinfomsg(make([]byte, 0, ifinfomsgLen), 0, 0, 0, 0, 0)
	h := Header{Type: RTM_GETLINK, Flags: NLM_F_DUMP}
	return z.request(ctx, &h, req, func(mh Header, data []byte) error {
		if mh.Type != RTM_NEWLINK {
			return nil
		}
		return fn(data)
	})
}

// GetLink returns the network interface with the given index
// (RTM_GETLINK). A missing interface is an error that errors.Is matches
// with unix.ENODEV.
func (z *Connection) GetLink(ctx context.Context, index int) (Link, error) {
	if err := checkPositiveIndex(index); err != nil {
		return Link{}, err
	}
	req := appendIfinfomsg(make([]byte, 0, ifinfomsgLen), 0, 0, index, 0, 0)
	return z.getLink(ctx, req)
}

// GetLinkByName returns the network interface with the given name or
// alternative name (RTM_GETLINK with IFLA_IFNAME). A missing interface
// is an error that errors.Is matches with unix.ENODEV; a name no
// interface can have is refused before anything is sent, with an error
// wrapping ErrInvalidOptions.
func (z *Connection) GetLinkByName(ctx context.Context, name string) (Link, error) {
	if name == "" {
		return Link{}, invalidLink("GetLinkByName: empty name")
	}
	// Alternative names may be longer than IFNAMSIZ; the kernel looks
	// them up by IFLA_ALT_IFNAME.
	typ := uint16(IFLA_IFNAME)
	if len(name) > linkNameMax {
		typ = IFLA_ALT_IFNAME
	}
	if err := checkLinkName("", "name", name, linkAltNameMax); err != nil {
		return Link{}, err
	}
	ae := AttributeEncoder{b: appendIfinfomsg(make([]byte, 0, ifinfomsgLen+8+len(name)), 0, 0, 0, 0, 0)}
	ae.String(typ, name)
	return z.getLink(ctx, ae.Bytes())
}

// getLink sends an RTM_GETLINK request and decodes the link in the reply.
func (z *Connection) getLink(ctx context.Context, req []byte) (Link, error) {
	var l Link
	found := false
	h := Header{Type: RTM_GETLINK}
	err := z.request(ctx, &h, req, func(mh Header, data []byte) error {
		if mh.Type != RTM_NEWLINK || found {
			return nil
		}
		found = true
		return l.UnmarshalBinary(data)
	})
	if err != nil {
		return Link{}, err
	}
	if !found {
		return Link{}, fmt.Errorf("%w: no link in the kernel's reply", ErrMalformed)
	}
	return l, nil
}

// AddLink creates the link l describes (RTM_NEWLINK with
// NLM_F_CREATE|NLM_F_EXCL), as ip link add does. Kind is required, such
// as "bridge", or "veth" with a Peer; a zero Name lets the kernel choose
// one, and a zero Index the index. An existing name is an error matching
// unix.EEXIST. The link is validated before anything is sent.
func (z *Connection) AddLink(ctx context.Context, l *Link) error {
	if l == nil {
		return invalidLink("nil *Link")
	}
	if l.Kind == "" {
		return invalidLink("AddLink needs a Kind, such as \"bridge\" or \"veth\"")
	}
	return z.changeLink(ctx, RTM_NEWLINK, NLM_F_CREATE|NLM_F_EXCL, l)
}

// SetLink changes the link with l's Index, or with its Name when Index is
// 0 (RTM_SETLINK), setting the fields MarshalBinary encodes that are not
// zero, and the Flags selected by Change. A missing link is an error
// matching unix.ENODEV.
func (z *Connection) SetLink(ctx context.Context, l *Link) error {
	if l == nil {
		return invalidLink("nil *Link")
	}
	if l.Index == 0 && l.Name == "" {
		return invalidLink("SetLink needs an Index or a Name")
	}
	return z.changeLink(ctx, RTM_SETLINK, 0, l)
}

// SetLinkUp brings the link with the given index up (IFF_UP), as ip link
// set up does.
func (z *Connection) SetLinkUp(ctx context.Context, index int) error {
	return z.setLink(ctx, &Link{Index: index, Flags: IFF_UP, Change: IFF_UP})
}

// SetLinkDown brings the link with the given index down (clears IFF_UP),
// as ip link set down does.
func (z *Connection) SetLinkDown(ctx context.Context, index int) error {
	return z.setLink(ctx, &Link{Index: index, Change: IFF_UP})
}

// SetLinkMTU sets the MTU of the link with the given index (IFLA_MTU).
// An MTU outside the device's MinMTU..MaxMTU is an error matching
// unix.EINVAL; 0 is refused before anything is sent.
func (z *Connection) SetLinkMTU(ctx context.Context, index int, mtu uint32) error {
	if mtu == 0 {
		return invalidLink("SetLinkMTU: MTU 0")
	}
	return z.setLink(ctx, &Link{Index: index, MTU: mtu})
}

// SetLinkName renames the link with the given index (IFLA_IFNAME). The
// kernel refuses to rename a link that is up (unix.EBUSY) unless it
// allows live renaming, and a name in use (unix.EEXIST).
func (z *Connection) SetLinkName(ctx context.Context, index int, name string) error {
	if name == "" {
		return invalidLink("SetLinkName: empty name")
	}
	return z.setLink(ctx, &Link{Index: index, Name: name})
}

// SetLinkMaster makes the link with the given index a port of the
// master with index master, such as a bridge (IFLA_MASTER), as ip link
// set master does; master 0 releases it from its master, as ip link set
// nomaster does.
func (z *Connection) SetLinkMaster(ctx context.Context, index, master int) error {
	if err := checkLinkIndex("", "master", master); err != nil {
		return err
	}
	if err := checkPositiveIndex(index); err != nil {
		return err
	}
	// Link.Master 0 means "absent"; IFLA_MASTER 0 means "no master".
	ae := AttributeEncoder{b: appendIfinfomsg(make([]byte, 0, ifinfomsgLen+8), 0, 0, index, 0, 0)}
	ae.Uint32(IFLA_MASTER, uint32(master))
	h := Header{Type: RTM_SETLINK}
	return z.request(ctx, &h, ae.Bytes(), func(Header, []byte) error { return nil })
}

// DeleteLink deletes the link with the given index (RTM_DELLINK), as ip
// link del does; deleting one end of a veth pair deletes both. A missing
// link is an error matching unix.ENODEV.
func (z *Connection) DeleteLink(ctx context.Context, index int) error {
	if err := checkPositiveIndex(index); err != nil {
		return err
	}
	req := appendIfinfomsg(make([]byte, 0, ifinfomsgLen), 0, 0, index, 0, 0)
	h := Header{Type: RTM_DELLINK}
	return z.request(ctx, &h, req, func(Header, []byte) error { return nil })
}

// checkPositiveIndex checks the index of an existing interface.
func checkPositiveIndex(index int) error {
	if index <= 0 {
		return invalidLink("index %d is not an interface index", index)
	}
	return checkLinkIndex("", "index", index)
}

// setLink sends RTM_SETLINK for a link named by a positive index.
func (z *Connection) setLink(ctx context.Context, l *Link) error {
	if err := checkPositiveIndex(l.Index); err != nil {
		return err
	}
	return z.changeLink(ctx, RTM_SETLINK, 0, l)
}

// changeLink sends a link change request and waits for its
// acknowledgement.
func (z *Connection) changeLink(ctx context.Context, typ, flags uint16, l *Link) error {
	data, err := l.MarshalBinary()
	if err != nil {
		return err
	}
	h := Header{Type: typ, Flags: flags}
	return z.request(ctx, &h, data, func(Header, []byte) error { return nil })
}
