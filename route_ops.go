package netlink

import (
	"context"
	"errors"
	"fmt"
	"net/netip"

	"golang.org/x/sys/unix"
)

// RouteFilter selects the routes ListRoutes returns. The kernel applies
// it (strict dump checking, NETLINK_GET_STRICT_CHK); a zero field matches
// every route.
type RouteFilter struct {
	// Family is AF_INET (2) or AF_INET6 (10); zero lists both and the
	// other route families the kernel has, such as multicast routes.
	Family uint8
	// Table is the routing table (RTA_TABLE); zero lists every table,
	// as "ip route show table all" does. RT_TABLE_MAIN is "main".
	Table RouteTable
	// Protocol matches rtm_protocol, such as RTPROT_STATIC.
	Protocol RouteProtocol
	// Type matches rtm_type, such as RTN_BLACKHOLE.
	Type RouteType
	// OutIfIndex matches the output interface (RTA_OIF).
	OutIfIndex int
}

// ListRoutes dumps the kernel's routes that match f (RTM_GETROUTE with
// NLM_F_DUMP). A filtered table that does not exist has no routes. If
// the table changed during the dump, it returns what it read with an
// error wrapping ErrDumpInterrupted.
func (z *Connection) ListRoutes(ctx context.Context, f RouteFilter) ([]Route, error) {
	// Keep the replies' bytes first and decode once their number is
	// known: growing a []Route instead would copy every route made so
	// far at each growth, and fresh memory is what a large dump costs.
	kept, err := z.keepRoutes(ctx, f)
	routes := make([]Route, kept.n)
	i := 0
	derr := kept.each(func(data []byte) error {
		if err := routes[i].UnmarshalBinary(data); err != nil {
			return err
		}
		i++
		return nil
	})
	if derr != nil {
		return routes[:i], derr
	}
	return routes, err
}

// RangeRoutes dumps the kernel's routes that match f, as ListRoutes
// does, and calls fn with each until fn returns false. The *Route is
// reused for the next call: copy it to keep it. It decodes straight from
// the socket's buffer, so a simple route costs no allocation. fn runs
// while the connection's request is in progress: a request it makes on
// the same Connection fails with an error wrapping ErrInvalidOptions.
func (z *Connection) RangeRoutes(ctx context.Context, f RouteFilter, fn func(*Route) bool) error {
	var r Route
	stopped := errors.New("stopped")
	err := z.dumpRoutes(ctx, f, func(data []byte) error {
		if err := r.UnmarshalBinary(data); err != nil {
			return err
		}
		if !fn(&r) {
			return stopped
		}
		return nil
	})
	if errors.Is(err, stopped) {
		return nil
	}
	return err
}

// keepRoutes runs a route dump filtered by f and keeps a copy of every
// RTM_NEWROUTE payload, to be decoded once their number is known. On an
// error it returns what it kept so far.
func (z *Connection) keepRoutes(ctx context.Context, f RouteFilter) (payloads, error) {
	var kept payloads
	err := z.dumpRoutes(ctx, f, func(data []byte) error {
		kept.add(data)
		return nil
	})
	return kept, err
}

// dumpRoutes runs a route dump filtered by f and calls fn with the
// payload of each RTM_NEWROUTE reply, valid only during the call.
func (z *Connection) dumpRoutes(ctx context.Context, f RouteFilter, fn func([]byte) error) error {
	req, err := f.request()
	if err != nil {
		return err
	}
	h := Header{Type: RTM_GETROUTE, Flags: NLM_F_DUMP}
	err = z.request(ctx, &h, req, func(mh Header, data []byte) error {
		if mh.Type != RTM_NEWROUTE {
			return nil
		}
		return fn(data)
	})
	if f.Table != 0 && errors.Is(err, unix.ENOENT) {
		return nil // the kernel's "FIB table does not exist"
	}
	return err
}

// request encodes f as the payload of a route dump request: struct
// rtmsg with the family, protocol and type, and RTA_TABLE and RTA_OIF.
func (f RouteFilter) request() ([]byte, error) {
	if f.Family != 0 && f.Family != afInet && f.Family != afInet6 {
		return nil, fmt.Errorf("%w: route filter family %d is neither AF_INET nor AF_INET6", ErrInvalidOptions, f.Family)
	}
	if err := checkIndex("route filter output interface", f.OutIfIndex); err != nil {
		return nil, err
	}
	b := make([]byte, rtmsgLen, rtmsgLen+16)
	b[0] = f.Family
	b[5] = uint8(f.Protocol)
	b[7] = uint8(f.Type)
	ae := NewAttributeEncoder(b)
	if f.Table != 0 {
		ae.Uint32(RTA_TABLE, uint32(f.Table))
	}
	if f.OutIfIndex != 0 {
		ae.Uint32(RTA_OIF, uint32(f.OutIfIndex))
	}
	return ae.Bytes(), ae.Err()
}

// RouteQuery asks which route the kernel would use (RTM_GETROUTE without
// NLM_F_DUMP), as "ip route get" does.
type RouteQuery struct {
	// Dst is the destination address; it is required.
	Dst netip.Addr
	// Src is the source address ("from").
	Src netip.Addr
	// InIfIndex is the input interface ("iif"): the lookup is then for a
	// forwarded packet, and Src is needed.
	InIfIndex int
	// OutIfIndex is the output interface ("oif").
	OutIfIndex int
	// Mark is the firewall mark ("mark").
	Mark uint32
	// UID is the user id ("uid"); nil leaves it to the kernel.
	UID *uint32
	// FIBMatch returns the routing table entry that matched rather than
	// the resolved route (RTM_F_FIB_MATCH, "fibmatch").
	FIBMatch bool
}

// GetRoute returns the route the kernel would use for q, for IPv4 with
// Table set to the table it was found in (RTM_F_LOOKUP_TABLE). A destination
// without a route is an error that errors.Is matches with
// unix.ENETUNREACH.
func (z *Connection) GetRoute(ctx context.Context, q RouteQuery) (Route, error) {
	if !q.Dst.IsValid() {
		return Route{}, fmt.Errorf("%w: route query without a destination", ErrInvalidOptions)
	}
	r := Route{
		Dst:        netip.PrefixFrom(q.Dst, q.Dst.BitLen()),
		InIfIndex:  q.InIfIndex,
		OutIfIndex: q.OutIfIndex,
		Mark:       q.Mark,
		UID:        q.UID,
	}
	if q.Dst.Is4() {
		r.Flags = RTM_F_LOOKUP_TABLE // IPv6 refuses the flag
	}
	if q.Src.IsValid() {
		r.Src = netip.PrefixFrom(q.Src, q.Src.BitLen())
	}
	if q.FIBMatch {
		r.Flags |= RTM_F_FIB_MATCH
	}
	data, err := r.MarshalBinary()
	if err != nil {
		return Route{}, err
	}
	var got Route
	found := false
	h := Header{Type: RTM_GETROUTE}
	err = z.request(ctx, &h, data, func(mh Header, data []byte) error {
		if mh.Type != RTM_NEWROUTE {
			return nil
		}
		found = true
		return got.UnmarshalBinary(data)
	})
	if err != nil {
		return Route{}, err
	}
	if !found {
		return Route{}, fmt.Errorf("%w: no route in the kernel's reply", ErrMalformed)
	}
	return got, nil
}

// AddRoute adds r (RTM_NEWROUTE with NLM_F_CREATE|NLM_F_EXCL), as "ip
// route add" does; a route that exists already is an error matching
// unix.EEXIST. Zero fields get ip route's defaults: table main, protocol
// boot, type unicast, and for IPv4 scope link for a unicast route without
// a gateway (host for local and nat routes, link for broadcast, anycast
// and multicast), else universe. The route is validated before anything
// is sent.
func (z *Connection) AddRoute(ctx context.Context, r *Route) error {
	return z.changeRoute(ctx, RTM_NEWROUTE, NLM_F_CREATE|NLM_F_EXCL, r.withDefaults())
}

// ReplaceRoute adds r or replaces the route with the same destination,
// table, TOS and priority (NLM_F_CREATE|NLM_F_REPLACE), as "ip route
// replace" does. Zero fields get the defaults of AddRoute.
func (z *Connection) ReplaceRoute(ctx context.Context, r *Route) error {
	return z.changeRoute(ctx, RTM_NEWROUTE, NLM_F_CREATE|NLM_F_REPLACE, r.withDefaults())
}

// AppendRoute adds r after the routes with the same destination
// (NLM_F_CREATE|NLM_F_APPEND), as "ip route append" does: for IPv6 it
// adds a next hop to an existing route. Zero fields get the defaults of
// AddRoute.
func (z *Connection) AppendRoute(ctx context.Context, r *Route) error {
	return z.changeRoute(ctx, RTM_NEWROUTE, NLM_F_CREATE|NLM_F_APPEND, r.withDefaults())
}

// DeleteRoute deletes the first route that matches r (RTM_DELROUTE), as
// "ip route del" does: zero fields match anything, and so does a zero
// Scope (sent as RT_SCOPE_NOWHERE, the kernel's wildcard). A route with
// a NextHopID is deleted by that id, without the gateway and device a
// dump shows for it. No matching route is an error matching unix.ESRCH.
func (z *Connection) DeleteRoute(ctx context.Context, r *Route) error {
	if r == nil {
		return fmt.Errorf("%w: nil *Route", ErrInvalidOptions)
	}
	d := *r
	if d.Scope == RT_SCOPE_UNIVERSE {
		d.Scope = RT_SCOPE_NOWHERE
	}
	if d.NextHopID != 0 {
		// A dumped route that uses a nexthop object also shows the
		// object's gateway and device; the kernel refuses both at once.
		d.Gateway, d.Via, d.OutIfIndex, d.MultiPath = netip.Addr{}, netip.Addr{}, 0, nil
	}
	return z.changeRoute(ctx, RTM_DELROUTE, 0, &d)
}

// changeRoute sends a route change request and waits for its
// acknowledgement.
func (z *Connection) changeRoute(ctx context.Context, typ, flags uint16, r *Route) error {
	if r == nil {
		return fmt.Errorf("%w: nil *Route", ErrInvalidOptions)
	}
	data, err := r.MarshalBinary()
	if err != nil {
		return err
	}
	h := Header{Type: typ, Flags: flags}
	return z.request(ctx, &h, data, func(Header, []byte) error { return nil })
}

// withDefaults returns a copy of r with ip route add's defaults in its
// zero fields, or nil for a nil r.
func (r *Route) withDefaults() *Route {
	if r == nil {
		return nil
	}
	d := *r
	if d.Table == 0 {
		d.Table = RT_TABLE_MAIN
	}
	if d.Protocol == 0 {
		d.Protocol = RTPROT_BOOT
	}
	if d.Type == 0 {
		d.Type = RTN_UNICAST
	}
	if d.Scope == RT_SCOPE_UNIVERSE && d.family() == afInet {
		switch d.Type {
		case RTN_LOCAL, RTN_NAT:
			d.Scope = RT_SCOPE_HOST
		case RTN_BROADCAST, RTN_MULTICAST, RTN_ANYCAST:
			d.Scope = RT_SCOPE_LINK
		case RTN_UNICAST:
			if !d.Gateway.IsValid() && !d.Via.IsValid() && len(d.MultiPath) == 0 && d.NextHopID == 0 {
				d.Scope = RT_SCOPE_LINK
			}
		}
	}
	return &d
}
