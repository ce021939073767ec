package netlink

import (
	"math/rand/v2"
	"net/netip"
	"slices"
	"testing"
)

// TestRouteTableAgainstAModel adds and removes routes at random, many
// per slot and across chunk boundaries, and checks that each slot's
// chain holds exactly the routes a plain model holds.
func TestRouteTableAgainstAModel(t *testing.T) {
	rnd := rand.New(rand.NewPCG(1, 2))
	route := func() Route {
		return Route{
			Family:   afInet,
			Table:    RT_TABLE_MAIN,
			Dst:      netip.PrefixFrom(netip.AddrFrom4([4]byte{10, byte(rnd.IntN(4)), 0, 0}), 16),
			Priority: uint32(rnd.IntN(2)),
			Gateway:  netip.AddrFrom4([4]byte{10, 0, 0, byte(1 + rnd.IntN(250))}),
		}
	}
	var model []Route
	table := newRouteTable()
	for range tableChunk + 100 { // across a chunk boundary
		r := route()
		model = append(model, r)
		table.add(&r)
	}
	for step := range 20000 {
		if len(model) > 0 && rnd.IntN(2) == 0 {
			victim := model[rnd.IntN(len(model))]
			model = slices.DeleteFunc(model, func(r Route) bool { return r.Gateway == victim.Gateway && slotOf(&r) == slotOf(&victim) })
			// The model removed every copy; so does the table.
			for {
				idx := slices.IndexFunc(table.appendSlot(nil, slotOf(&victim)), func(i int32) bool { return table.at(i).Gateway == victim.Gateway })
				if idx < 0 {
					break
				}
				table.remove(table.appendSlot(nil, slotOf(&victim))[idx])
			}
		} else {
			r := route()
			model = append(model, r)
			table.add(&r)
		}
		if table.len() != len(model) || len(table.next) != len(model) {
			t.Fatalf("step %d: table holds %d routes, model %d", step, table.len(), len(model))
		}
		if step%500 != 0 {
			continue
		}
		seen := 0
		for s := range table.heads {
			var got, want []netip.Addr
			for _, i := range table.appendSlot(nil, s) {
				if slotOf(table.at(i)) != s {
					t.Fatalf("step %d: route %d in the chain of another slot", step, i)
				}
				got = append(got, table.at(i).Gateway)
			}
			for _, r := range model {
				if slotOf(&r) == s {
					want = append(want, r.Gateway)
				}
			}
			slices.SortFunc(got, netip.Addr.Compare)
			slices.SortFunc(want, netip.Addr.Compare)
			if !slices.Equal(got, want) {
				t.Fatalf("step %d: slot holds %v, model %v", step, got, want)
			}
			seen += len(got)
		}
		if seen != len(model) {
			t.Fatalf("step %d: chains reach %d routes of %d", step, seen, len(model))
		}
	}
}
