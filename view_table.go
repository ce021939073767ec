package netlink

// tableChunk is how many routes a chunk of a routeTable holds.
const tableChunk = 4096

// routeTable holds the routes of a RouteView in fixed-size chunks, found
// by slot through chains of indexes. It costs no allocation per route,
// and growing it never copies the routes it holds: a view of a million
// routes that grows by one must not move them all.
type routeTable struct {
	chunks [][]Route           // each tableChunk long
	n      int32               // routes held, at indexes 0..n-1
	next   []int32             // the next route of the same slot, or -1
	heads  map[routeSlot]int32 // the first route of each slot
}

// newRouteTable returns an empty table.
func newRouteTable() routeTable {
	return routeTable{heads: make(map[routeSlot]int32)}
}

// at returns the route at index i.
func (t *routeTable) at(i int32) *Route {
	return &t.chunks[i/tableChunk][i%tableChunk]
}

// len returns the number of routes held.
func (t *routeTable) len() int { return int(t.n) }

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

// add adds a copy of *r.
func (t *routeTable) add(r *Route) {
	if int(t.n) == len(t.chunks)*tableChunk {
		t.chunks = append(t.chunks, make([]Route, tableChunk))
	}
	s := slotOf(r)
	*t.at(t.n) = *r
	t.next = append(t.next, t.head(s))
	t.heads[s] = t.n
	t.n++
}

// remove removes the route at index i; the last route takes its index.
func (t *routeTable) remove(i int32) {
	t.relink(slotOf(t.at(i)), i, t.next[i])
	last := t.n - 1
	if i != last {
		t.relink(slotOf(t.at(last)), last, i)
		*t.at(i), t.next[i] = *t.at(last), t.next[last]
	}
	*t.at(last) = Route{}
	t.next = t.next[:last]
	t.n = last
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
