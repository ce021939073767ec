package netlink

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"net/netip"
	"reflect"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// RouteViewOptions selects what a RouteView holds. The zero value holds
// every IPv4 and IPv6 route of every table, in the caller's namespace.
type RouteViewOptions struct {
	// Family is AF_INET or AF_INET6; zero holds both.
	Family uint8
	// Table holds one routing table only; zero holds them all.
	Table RouteTable
	// NetNS is the network namespace, as in ConnectionOptions.
	NetNS string
	// ReceiveBuffer is the notification socket's buffer, as in
	// ConnectionOptions.
	ReceiveBuffer int
}

// RouteView is a copy of the kernel's routing tables that stays equal to
// them: it starts from a dump, then applies every route notification.
// Where notifications cannot tell the whole story, it reads the tables
// again (a resync): when the kernel dropped notifications (NLMSG_OVERRUN);
// on any link change or nexthop object change, and when an IPv4 address
// goes away (a link going down, or losing or regaining its carrier, and a
// deleted nexthop object remove or flag routes without RTM_DELROUTE);
// and when a notification is ambiguous (a replace or a change it cannot
// place for sure among the routes of the same destination, such as an
// IPv6 multipath change).
//
// A RouteView is safe for concurrent use.
type RouteView struct {
	opts RouteViewOptions
	conn *Connection
	done chan struct{} // closed when the apply goroutine returns

	mu      sync.RWMutex
	table   routeTable
	err     error // why the view stopped following the kernel
	resyncs atomic.Uint64
	version atomic.Uint64

	syncMu sync.Mutex
	syncs  map[uint32]chan struct{} // Sync calls waiting, by probe seq
}

// routeSlot is what the kernel keys a route by: a replace acts on the
// routes of a slot. Several routes share a slot when appended.
type routeSlot struct {
	family   uint8
	table    RouteTable
	dst, src netip.Prefix
	tos      uint8
	priority uint32
}

// slotOf returns the slot of r.
func slotOf(r *Route) routeSlot {
	return routeSlot{family: r.Family, table: r.Table, dst: r.Dst, src: r.Src, tos: r.TOS, priority: r.Priority}
}

// routesEqual reports whether a and b are the same route in every field
// but the kernel's changing statistics (CacheInfo).
func routesEqual(a, b *Route) bool {
	x, y := *a, *b
	x.CacheInfo, y.CacheInfo = RouteCacheInfo{}, RouteCacheInfo{}
	return reflect.DeepEqual(x, y)
}

// sameNextHops reports whether a and b, of one slot, have the same type
// and next hops: the same route as far as a replace is concerned.
func sameNextHops(a, b *Route) bool {
	if a.Type != b.Type || a.Gateway != b.Gateway || a.Via != b.Via || a.OutIfIndex != b.OutIfIndex ||
		a.NextHopID != b.NextHopID || len(a.MultiPath) != len(b.MultiPath) {
		return false
	}
	for i := range a.MultiPath {
		x, y := &a.MultiPath[i], &b.MultiPath[i]
		if x.Gateway != y.Gateway || x.Via != y.Via || x.IfIndex != y.IfIndex || x.Weight != y.Weight {
			return false
		}
	}
	return true
}

// resyncAfter bounds how many messages a needed resync waits behind
// while notifications keep coming.
const resyncAfter = 4096

// NewRouteView subscribes to route, link and IPv4 address notifications,
// dumps the routes, and returns a view that follows the kernel until
// Close or ctx is done. It returns once the first dump is in the view.
func NewRouteView(ctx context.Context, opts *RouteViewOptions) (*RouteView, error) {
	if opts == nil {
		opts = &RouteViewOptions{}
	}
	if opts.Family != 0 && opts.Family != afInet && opts.Family != afInet6 {
		return nil, fmt.Errorf("%w: route view family %d is neither AF_INET nor AF_INET6", ErrInvalidOptions, opts.Family)
	}
	groups := uint32(RTMGRP_LINK | RTMGRP_IPV4_IFADDR)
	join := []uint32{RTNLGRP_NEXTHOP}
	if opts.Family != afInet6 {
		groups |= RTMGRP_IPV4_ROUTE
	}
	if opts.Family != afInet {
		groups |= RTMGRP_IPV6_ROUTE
	}
	c, err := NewWithOpts(&ConnectionOptions{Family: NETLINK_ROUTE, Groups: groups, JoinGroups: join,
		NetNS: opts.NetNS, ReceiveBuffer: opts.ReceiveBuffer})
	if err != nil {
		return nil, err
	}
	v := &RouteView{opts: *opts, conn: c, done: make(chan struct{})}
	// Notifications queue in the socket from here on; the dump comes
	// after, and replaying them over it converges on the kernel's state.
	if err := v.resync(ctx); err != nil {
		c.Close()
		return nil, err
	}
	v.resyncs.Store(0)
	ch := make(chan *Message, 1024)
	c.Notify(ch)
	go v.follow(ctx, ch)
	return v, nil
}

// follow applies notifications until the channel closes, resyncing when
// one asks for it: once the messages already queued are applied, or after
// resyncAfter more when notifications keep coming.
func (v *RouteView) follow(ctx context.Context, ch chan *Message) {
	defer close(v.done)
	stop := context.AfterFunc(ctx, func() { v.conn.Close() })
	defer stop()
	dirty, since := false, 0
	var reached []uint32 // Sync probes seen while a resync was due
	for m := range ch {
		if m.Type == NLMSG_ERROR && m.Pid == v.conn.Port() {
			// The acknowledgement of a Sync probe: everything the
			// kernel reported before it has been applied.
			if dirty {
				reached = append(reached, m.Seq)
			} else {
				v.syncReached(m.Seq)
			}
		} else if v.apply(m) {
			dirty = true
		}
		if !dirty {
			continue
		}
		if since++; len(ch) > 0 && since < resyncAfter {
			continue
		}
		// A resync reads the tables as they are now: it covers every
		// Sync made before it starts, even one whose probe the kernel
		// dropped in an overrun.
		pending := v.pendingSyncs()
		if err := v.resyncRetry(ctx); err != nil {
			v.fail(err)
			return
		}
		for _, seq := range append(pending, reached...) {
			v.syncReached(seq)
		}
		dirty, since, reached = false, 0, reached[:0]
	}
	v.fail(v.conn.Err())
}

// Sync waits until the view holds every change the kernel made before
// Sync was called, so that a program that changed routes can act on a
// view that shows its changes. It sends a probe (NLMSG_NOOP with
// NLM_F_ACK) through the view's notification socket and waits for its
// acknowledgement, which the kernel queues behind every notification
// before it; when the view must read the tables again, it waits for that
// instead. It returns early with ctx's error, or with the view's error
// if the view stops.
func (v *RouteView) Sync(ctx context.Context) error {
	reached := make(chan struct{})
	probe := &Message{Header: Header{Type: NLMSG_NOOP, Flags: NLM_F_ACK, Seq: v.conn.nextSeq()}}
	v.syncMu.Lock()
	if v.syncs == nil {
		v.syncs = make(map[uint32]chan struct{})
	}
	v.syncs[probe.Seq] = reached
	v.syncMu.Unlock()
	defer v.syncReached(probe.Seq)
	if err := v.conn.SendMessage(probe); err != nil {
		return fmt.Errorf("netlink: route view sync: %w", err)
	}
	select {
	case <-reached:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	case <-v.done:
		if err := v.Err(); err != nil {
			return err
		}
		return ErrClosed
	}
}

// pendingSyncs returns the probes of the Sync calls waiting now.
func (v *RouteView) pendingSyncs() []uint32 {
	v.syncMu.Lock()
	defer v.syncMu.Unlock()
	seqs := make([]uint32, 0, len(v.syncs))
	for seq := range v.syncs {
		seqs = append(seqs, seq)
	}
	return seqs
}

// syncReached ends the Sync call waiting for probe seq, if any.
func (v *RouteView) syncReached(seq uint32) {
	v.syncMu.Lock()
	defer v.syncMu.Unlock()
	if ch, ok := v.syncs[seq]; ok {
		close(ch)
		delete(v.syncs, seq)
	}
}

// resyncRetry resyncs, trying again with growing pauses (up to about
// half a minute in all) when a dump fails for a reason other than the
// view's end: a dump interrupted by a concurrent change, a reply lost.
func (v *RouteView) resyncRetry(ctx context.Context) error {
	pause := 50 * time.Millisecond
	for attempt := 1; ; attempt++ {
		err := v.resync(ctx)
		if err == nil || attempt == 10 || errors.Is(err, ErrClosed) || ctx.Err() != nil {
			return err
		}
		select {
		case <-time.After(pause):
		case <-ctx.Done():
			return ctx.Err()
		case <-v.conn.done:
			return ErrClosed
		}
		pause = min(2*pause, 5*time.Second)
	}
}

// fail records why the view stopped following the kernel.
func (v *RouteView) fail(err error) {
	v.mu.Lock()
	defer v.mu.Unlock()
	if v.err == nil {
		if err == nil {
			err = ErrClosed
		}
		v.err = err
	}
}

// apply applies one notification and reports whether the view must be
// read again.
func (v *RouteView) apply(m *Message) (resync bool) {
	switch m.Type {
	case NLMSG_OVERRUN, RTM_DELADDR:
		return true
	case RTM_NEWLINK, RTM_DELLINK, RTM_NEWNEXTHOP, RTM_DELNEXTHOP:
		// A link that goes down or loses or regains its carrier, and a
		// nexthop object that goes away, change routes without a
		// route notification.
		return true
	case RTM_NEWROUTE, RTM_DELROUTE:
	default:
		return false
	}
	var r Route
	if err := r.UnmarshalBinary(m.Data); err != nil {
		return true
	}
	if !v.wants(&r) {
		return false
	}
	v.mu.Lock()
	defer v.mu.Unlock()
	var buf [4]int32
	slot := v.table.appendSlot(buf[:0], slotOf(&r))
	t := &v.table
	i := slices.IndexFunc(slot, func(j int32) bool { return routesEqual(t.at(j), &r) })
	if m.Type == RTM_DELROUTE {
		if i < 0 {
			return true // not what the view holds: read again
		}
		t.remove(slot[i])
		v.version.Add(1)
		return false
	}
	switch {
	case m.Flags&NLM_F_REPLACE != 0 && len(slot) > 1:
		return true // which of them was replaced?
	case m.Flags&NLM_F_REPLACE != 0 && len(slot) == 1:
		*t.at(slot[0]) = r
		v.version.Add(1)
	case i >= 0:
		*t.at(slot[i]) = r // the same route, new statistics
	case slices.ContainsFunc(slot, func(j int32) bool { return sameNextHops(t.at(j), &r) }):
		return true // a changed route, or one appended beside it?
	case r.Family == afInet6 && len(slot) > 0 && (r.Gateway.IsValid() || len(r.MultiPath) > 0):
		return true // IPv6 merges next hops into one multipath route
	default:
		t.add(&r)
		v.version.Add(1)
	}
	return false
}

// wants reports whether r belongs in the view.
func (v *RouteView) wants(r *Route) bool {
	if r.Family != afInet && r.Family != afInet6 || r.Flags&RTM_F_CLONED != 0 {
		return false
	}
	return (v.opts.Family == 0 || r.Family == v.opts.Family) && (v.opts.Table == 0 || r.Table == v.opts.Table)
}

// resync reads the routes again and replaces the view's. Like
// ListRoutes it keeps the replies' bytes first, then decodes them
// straight into the table's chunks.
func (v *RouteView) resync(ctx context.Context) error {
	kept, err := v.conn.keepRoutes(ctx, RouteFilter{Family: v.opts.Family, Table: v.opts.Table})
	if err != nil {
		return fmt.Errorf("netlink: route view resync: %w", err)
	}
	table := newRouteTable()
	var r Route
	err = kept.each(func(data []byte) error {
		if err := r.UnmarshalBinary(data); err != nil {
			return err
		}
		if v.wants(&r) {
			table.add(&r)
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("netlink: route view resync: %w", err)
	}
	v.mu.Lock()
	v.table = table
	v.mu.Unlock()
	v.resyncs.Add(1)
	v.version.Add(1)
	return nil
}

// clone returns a copy of r that shares no memory with it.
func (r *Route) clone() Route {
	c := *r
	c.MultiPath = slices.Clone(r.MultiPath)
	for i := range c.MultiPath {
		nh := &c.MultiPath[i]
		nh.Encap = slices.Clone(nh.Encap)
		nh.Raw = cloneAttributes(nh.Raw)
	}
	if r.Metrics != nil {
		m := *r.Metrics
		m.Raw = cloneAttributes(m.Raw)
		c.Metrics = &m
	}
	if r.UID != nil {
		u := *r.UID
		c.UID = &u
	}
	if r.TTLPropagate != nil {
		p := *r.TTLPropagate
		c.TTLPropagate = &p
	}
	c.Encap = slices.Clone(r.Encap)
	c.Raw = cloneAttributes(r.Raw)
	return c
}

// cloneAttributes returns a copy of attrs that shares no memory with it.
func cloneAttributes(attrs []Attribute) []Attribute {
	if attrs == nil {
		return nil
	}
	out := make([]Attribute, len(attrs))
	for i, a := range attrs {
		out[i] = Attribute{Type: a.Type, Data: slices.Clone(a.Data)}
	}
	return out
}

// Routes returns a copy of the routes in the view, sorted by family,
// table, destination and priority.
func (v *RouteView) Routes() []Route {
	v.mu.RLock()
	out := make([]Route, v.table.len())
	for i := range out {
		out[i] = v.table.at(int32(i)).clone()
	}
	v.mu.RUnlock()
	slices.SortFunc(out, compareRoutes)
	return out
}

// compareRoutes orders routes by family, table, destination, priority and
// then their text.
func compareRoutes(a, b Route) int {
	if c := cmp.Compare(a.Family, b.Family); c != 0 {
		return c
	}
	if c := cmp.Compare(a.Table, b.Table); c != 0 {
		return c
	}
	if c := a.Dst.Addr().Compare(b.Dst.Addr()); c != 0 {
		return c
	}
	if c := cmp.Compare(a.Dst.Bits(), b.Dst.Bits()); c != 0 {
		return c
	}
	if c := cmp.Compare(a.Priority, b.Priority); c != 0 {
		return c
	}
	return strings.Compare(a.String(), b.String())
}

// Len returns the number of routes in the view.
func (v *RouteView) Len() int {
	v.mu.RLock()
	defer v.mu.RUnlock()
	return v.table.len()
}

// Version returns a number that changes whenever the view does.
func (v *RouteView) Version() uint64 { return v.version.Load() }

// Resyncs returns how many times the view read the kernel's routes again
// since it started.
func (v *RouteView) Resyncs() uint64 { return v.resyncs.Load() }

// Err returns why the view stopped following the kernel (after Close,
// ErrClosed), or nil while it follows.
func (v *RouteView) Err() error {
	v.mu.RLock()
	defer v.mu.RUnlock()
	return v.err
}

// Close stops following the kernel; the view keeps its last routes.
func (v *RouteView) Close() error {
	err := v.conn.Close()
	<-v.done
	return err
}
