package netlink

// routeTable holds the routes of a RouteView in one slice, found by slot
// through chains of indexes, so that a table of a million routes costs
// no allocation per route.
type routeTable struct {
	routes []Route
	next   []int32             // the next route of the same slot, or -1
	heads  map[routeSlot]int32 // the first route of each slot
}

// newRouteTable indexes routes, which it takes over.
func newRouteTable(routes []Route) routeTable {
	t := routeTable{routes: routes, next: make([]int32, len(routes)), heads: make(map[routeSlot]int32, len(routes))}
	for i := range routes {
		s := slotOf(&routes[i])
		t.next[i] = t.head(s)
		t.heads[s] = int32(i)
	}
	return t
}

// head returns the first route of slot s, or -1.
func (t *routeTable) head(s routeSlot) int32 {
	if h, ok := t.heads[s]; ok {
		return h
	}
	return -1
}

// appendSlot appends to idx the indexes of the routes of slot s.
func (t *routeTable) appendSlot(idx []int32, s routeSlot) []int32 {
	for i := t.head(s); i >= 0; i = t.next[i] {
		idx = append(idx, i)
	}
	return idx
}

// add adds r.
func (t *routeTable) add(r Route) {
	s := slotOf(&r)
	t.routes = append(t.routes, r)
	t.next = append(t.next, t.head(s))
	t.heads[s] = int32(len(t.routes) - 1)
}

// remove removes the route at index i; the last route takes its index.
func (t *routeTable) remove(i int32) {
	t.relink(slotOf(&t.routes[i]), i, t.next[i])
	last := int32(len(t.routes) - 1)
	if i != last {
		t.relink(slotOf(&t.routes[last]), last, i)
		t.routes[i], t.next[i] = t.routes[last], t.next[last]
	}
	t.routes[last] = Route{}
	t.routes, t.next = t.routes[:last], t.next[:last]
}

// relink makes the link of slot s that points to index from point to to
// instead (to -1 ends the chain there).
func (t *routeTable) relink(s routeSlot, from, to int32) {
	h := t.heads[s]
	if h == from {
		if to < 0 {
			delete(t.heads, s)
		} else {
			t.heads[s] = to
		}
		return
	}
	for t.next[h] != from {
		h = t.next[h]
	}
	t.next[h] = to
}
