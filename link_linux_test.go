//go:build linux

package netlink

import (
	"context"
	"encoding/json"
	"errors"
	"go/ast"
	"go/constant"
	"go/parser"
	"go/token"
	"go/types"
	"net"
	"os/exec"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"

	"golang.org/x/sys/unix"
)

// ipLinkInfo is the "linkinfo" object of ip -json -d link show.
type ipLinkInfo struct {
	InfoKind      string `json:"info_kind"`
	InfoSlaveKind string `json:"info_slave_kind"`
}

// ipLink is one link as `ip -json -d link show` prints it: the fields
// the differential test compares.
type ipLink struct {
	IfIndex        int         `json:"ifindex"`
	IfName         string      `json:"ifname"`
	Link           string      `json:"link"`
	LinkIndex      *int        `json:"link_index"`
	LinkNetNSID    *int32      `json:"link_netnsid"`
	Flags          []string    `json:"flags"`
	MTU            uint32      `json:"mtu"`
	Qdisc          string      `json:"qdisc"`
	Master         string      `json:"master"`
	OperState      string      `json:"operstate"`
	LinkMode       string      `json:"linkmode"`
	Group          string      `json:"group"`
	TxQLen         uint32      `json:"txqlen"`
	LinkType       string      `json:"link_type"`
	Address        string      `json:"address"`
	Broadcast      string      `json:"broadcast"`
	PermAddr       string      `json:"permaddr"`
	Promiscuity    uint32      `json:"promiscuity"`
	AllMulti       *uint32     `json:"allmulti"`
	MinMTU         uint32      `json:"min_mtu"`
	MaxMTU         uint32      `json:"max_mtu"`
	LinkInfo       *ipLinkInfo `json:"linkinfo"`
	NumTxQueues    uint32      `json:"num_tx_queues"`
	NumRxQueues    uint32      `json:"num_rx_queues"`
	GSOMaxSize     uint32      `json:"gso_max_size"`
	GSOMaxSegs     uint32      `json:"gso_max_segs"`
	TSOMaxSize     uint32      `json:"tso_max_size"`
	TSOMaxSegs     uint32      `json:"tso_max_segs"`
	GROMaxSize     uint32      `json:"gro_max_size"`
	GSOIPv4MaxSize *uint32     `json:"gso_ipv4_max_size"`
	GROIPv4MaxSize *uint32     `json:"gro_ipv4_max_size"`
	IfAlias        string      `json:"ifalias"`
	AltNames       []string    `json:"altnames"`
	ProtoDown      bool        `json:"proto_down"`
	ParentBus      string      `json:"parentbus"`
	ParentDev      string      `json:"parentdev"`
}

// ipLinkStats is the "stats64" object of ip -s -s -json link show.
type ipLinkStats struct {
	RX map[string]uint64 `json:"rx"`
	TX map[string]uint64 `json:"tx"`
}

// ipLinks runs ip -json -d [-s -s] link show in the namespace.
func (ns *testNS) ipLinks(stats bool) []byte {
	ns.t.Helper()
	args := []string{"-n", ns.name, "-json", "-d"}
	if stats {
		args = append(args, "-s", "-s")
	}
	out, err := exec.Command("ip", append(args, "link", "show")...).Output()
	if err != nil {
		ns.t.Fatalf("ip link show: %v", err)
	}
	return out
}

// asIPLink converts a Link we decoded into ip's JSON form. byIndex holds
// the namespace's links, to name the parent and master as ip does.
func asIPLink(l Link, byIndex map[int]Link, ipHasIPv4Sizes bool) ipLink {
	name := func(i int) string {
		if p, ok := byIndex[i]; ok {
			return p.Name
		}
		return "if" + strconv.Itoa(i)
	}
	j := ipLink{
		IfIndex: l.Index, IfName: l.Name, MTU: l.MTU, Qdisc: l.Qdisc, OperState: l.OperState.String(),
		LinkMode: l.LinkMode.String(), TxQLen: l.TxQueueLen, LinkType: l.Type.String(),
		Promiscuity: l.Promiscuity, MinMTU: l.MinMTU, MaxMTU: l.MaxMTU, NumTxQueues: l.NumTxQueues,
		NumRxQueues: l.NumRxQueues, GSOMaxSize: l.GSOMaxSize, GSOMaxSegs: l.GSOMaxSegs,
		TSOMaxSize: l.TSOMaxSize, TSOMaxSegs: l.TSOMaxSegs, GROMaxSize: l.GROMaxSize,
		IfAlias: l.Alias, AltNames: l.AltNames, ProtoDown: l.ProtoDown,
		ParentBus: l.ParentDevBusName, ParentDev: l.ParentDevName,
	}
	allMulti := l.AllMulti
	j.AllMulti = &allMulti
	if ipHasIPv4Sizes {
		gso, gro := l.GSOIPv4MaxSize, l.GROIPv4MaxSize
		j.GSOIPv4MaxSize, j.GROIPv4MaxSize = &gso, &gro
	}
	j.Flags = []string{}
	if s := l.Flags.String(); s != "" {
		j.Flags = strings.Split(s, ",")
	}
	if l.ParentIndex != 0 {
		if l.HasLinkNetNSID {
			idx := l.ParentIndex
			j.LinkIndex = &idx
		} else {
			j.Link = name(l.ParentIndex)
			if byIndex[l.ParentIndex].Flags&IFF_UP == 0 {
				j.Flags = append(j.Flags, "M-DOWN")
			}
		}
	}
	if l.HasLinkNetNSID {
		id := l.LinkNetNSID
		j.LinkNetNSID = &id
	}
	if l.Master != 0 {
		j.Master = name(l.Master)
	}
	j.Group = "default"
	if l.Group != 0 {
		j.Group = strconv.FormatUint(uint64(l.Group), 10)
	}
	if len(l.HardwareAddr) > 0 {
		j.Address = l.HardwareAddr.String()
	}
	if len(l.Broadcast) > 0 {
		j.Broadcast = l.Broadcast.String()
	}
	if len(l.PermAddress) > 0 && l.PermAddress.String() != j.Address {
		j.PermAddr = l.PermAddress.String()
	}
	if l.Kind != "" || l.SlaveKind != "" {
		j.LinkInfo = &ipLinkInfo{InfoKind: l.Kind, InfoSlaveKind: l.SlaveKind}
	}
	return j
}

// variedLinks adds links of several kinds and settings to the
// namespace, beside newTestNS's lo, veth0 and veth1. Kinds whose module
// is missing are left out.
func variedLinks(t *testing.T, ns *testNS) (peerNS *testNS) {
	ns.batch([]string{
		"link add br0 type bridge",
		"link set br0 up",
		"link add vb0 type veth peer name vb1",
		"link set vb0 master br0",
		"link set vb0 up",
		"link set vb1 mtu 1400 txqueuelen 500",
		"link set veth0 alias uplink-test",
		"link set veth1 group 5",
		"link property add dev veth1 altname veth1-alternative-name",
	})
	optional := [][]string{
		{"link add ifb0 type ifb", "link set ifb0 promisc on"},
		{"link add vx0 type vxlan id 42 dstport 4789 dev veth0", "link set vx0 allmulticast on", "link set vx0 up"},
		{"link add link veth1 name mv0 type macvlan mode bridge"},
	}
	for _, cmds := range optional {
		if out, err := ns.tryIP(cmds[0]); err != nil {
			t.Logf("skipping %q: %v: %s", cmds[0], err, out)
			continue
		}
		for _, c := range cmds[1:] {
			ns.ip(c)
		}
	}
	peerNS = newTestNS(t)
	ns.ip("link add vn0 type veth peer name vn1 netns " + peerNS.name)
	return peerNS
}

func TestListLinksMatchesIP(t *testing.T) {
	ns := newTestNS(t)
	variedLinks(t, ns)
	c := ns.dial(0)
	links, err := c.ListLinks(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	var theirs []ipLink
	if err := json.Unmarshal(ns.ipLinks(false), &theirs); err != nil {
		t.Fatal(err)
	}
	var theirStats []struct {
		IfIndex int          `json:"ifindex"`
		Stats   *ipLinkStats `json:"stats64"`
	}
	if err := json.Unmarshal(ns.ipLinks(true), &theirStats); err != nil {
		t.Fatal(err)
	}
	byIndex := map[int]Link{}
	for _, l := range links {
		if _, dup := byIndex[l.Index]; dup {
			t.Errorf("index %d listed twice", l.Index)
		}
		byIndex[l.Index] = l
	}
	ipHasIPv4Sizes := len(theirs) > 0 && theirs[0].GSOIPv4MaxSize != nil
	if len(theirs) != len(links) {
		t.Errorf("ListLinks returned %d links, ip shows %d", len(links), len(theirs))
	}
	kinds := map[string]bool{}
	for _, want := range theirs {
		l, ok := byIndex[want.IfIndex]
		if !ok {
			t.Errorf("link %d %s missing", want.IfIndex, want.IfName)
			continue
		}
		kinds[l.Kind] = true
		got := asIPLink(l, byIndex, ipHasIPv4Sizes)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("link %s:\n ours %+v\n  ip  %+v", want.IfName, got, want)
		}
		if len(l.AFSpec) == 0 || len(l.Raw) != 0 {
			t.Errorf("link %s: AFSpec %d bytes, unmodelled %v", l.Name, len(l.AFSpec), l.Raw)
		}
	}
	t.Logf("compared %d links of kinds %v", len(theirs), kinds)
	for _, k := range []string{"", "veth", "bridge"} {
		if !kinds[k] {
			t.Errorf("no link of kind %q listed", k)
		}
	}

	// Counters: ours were read first, so none exceeds ip's.
	for _, ts := range theirStats {
		l := byIndex[ts.IfIndex]
		if ts.Stats == nil {
			t.Errorf("ip shows no stats64 for %s", l.Name)
			continue
		}
		s := l.Stats64
		pairs := []struct {
			name string
			ours uint64
			ip   uint64
		}{
			{"rx.bytes", s.RxBytes, ts.Stats.RX["bytes"]}, {"rx.packets", s.RxPackets, ts.Stats.RX["packets"]},
			{"rx.errors", s.RxErrors, ts.Stats.RX["errors"]}, {"rx.dropped", s.RxDropped, ts.Stats.RX["dropped"]},
			{"rx.over_errors", s.RxOverErrors, ts.Stats.RX["over_errors"]}, {"rx.multicast", s.Multicast, ts.Stats.RX["multicast"]},
			{"rx.length_errors", s.RxLengthErrors, ts.Stats.RX["length_errors"]}, {"rx.crc_errors", s.RxCRCErrors, ts.Stats.RX["crc_errors"]},
			{"rx.frame_errors", s.RxFrameErrors, ts.Stats.RX["frame_errors"]}, {"rx.fifo_errors", s.RxFIFOErrors, ts.Stats.RX["fifo_errors"]},
			{"rx.missed_errors", s.RxMissedErrors, ts.Stats.RX["missed_errors"]}, {"rx.nohandler", s.RxNoHandler, ts.Stats.RX["nohandler"]},
			{"tx.bytes", s.TxBytes, ts.Stats.TX["bytes"]}, {"tx.packets", s.TxPackets, ts.Stats.TX["packets"]},
			{"tx.errors", s.TxErrors, ts.Stats.TX["errors"]}, {"tx.dropped", s.TxDropped, ts.Stats.TX["dropped"]},
			{"tx.carrier_errors", s.TxCarrierErrors, ts.Stats.TX["carrier_errors"]}, {"tx.collisions", s.Collisions, ts.Stats.TX["collisions"]},
			{"tx.aborted_errors", s.TxAbortedErrors, ts.Stats.TX["aborted_errors"]}, {"tx.fifo_errors", s.TxFIFOErrors, ts.Stats.TX["fifo_errors"]},
			{"tx.window_errors", s.TxWindowErrors, ts.Stats.TX["window_errors"]}, {"tx.heartbeat_errors", s.TxHeartbeatErrors, ts.Stats.TX["heartbeat_errors"]},
			{"tx.carrier_changes", uint64(l.CarrierChanges), ts.Stats.TX["carrier_changes"]},
		}
		for _, p := range pairs {
			if p.ours > p.ip {
				t.Errorf("link %s %s: ours %d, ip's (read later) %d", l.Name, p.name, p.ours, p.ip)
			}
		}
	}
	if lo := byIndex[1]; lo.Stats64.RxPackets == 0 && lo.Stats64.TxPackets == 0 {
		// newTestNS brought lo up; veth0 and veth1 have sent at least
		// their router solicitations or MLD reports by now, usually.
		t.Logf("lo has no traffic yet")
	}

	// The first line of ip -o link show is Format with names.
	out := ns.ip("-o link show")
	ifname := func(i int) string { return byIndex[i].Name }
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		first, _, _ := strings.Cut(line, "\\")
		first = strings.TrimSpace(strings.ReplaceAll(first, ",M-DOWN", ""))
		idx, _, _ := strings.Cut(first, ":")
		i, err := strconv.Atoi(idx)
		if err != nil {
			t.Fatalf("ip -o line %q", line)
		}
		if got := byIndex[i].Format(ifname); got != first {
			t.Errorf("Format:\n ours %s\n  ip  %s", got, first)
		}
	}
}

func TestLinkOperations(t *testing.T) {
	ns := newTestNS(t)
	c := ns.dial(0)
	ctx := context.Background()

	// A bridge.
	if err := c.AddLink(ctx, &Link{Name: "br-test", Kind: "bridge", TxQueueLen: 321}); err != nil {
		t.Fatal(err)
	}
	br, err := c.GetLinkByName(ctx, "br-test")
	if err != nil {
		t.Fatal(err)
	}
	if br.Kind != "bridge" || br.Index <= 0 || br.TxQueueLen != 321 || br.Flags&IFF_UP != 0 {
		t.Errorf("bridge: %v kind %q", br, br.Kind)
	}
	if out := ns.ip("-d link show br-test"); !strings.Contains(out, "bridge") || !strings.Contains(out, "qlen 321") {
		t.Errorf("ip shows %q", out)
	}
	byIndex, err := c.GetLink(ctx, br.Index)
	if err != nil || byIndex.Name != "br-test" {
		t.Errorf("GetLink(%d) = %v, %v", br.Index, byIndex, err)
	}

	// Up and down.
	if err := c.SetLinkUp(ctx, br.Index); err != nil {
		t.Fatal(err)
	}
	if l, _ := c.GetLink(ctx, br.Index); l.Flags&IFF_UP == 0 {
		t.Errorf("after SetLinkUp: %v", l)
	}
	if out := ns.ip("link show br-test"); !strings.Contains(out, ",UP") {
		t.Errorf("after SetLinkUp ip shows %q", out)
	}
	if err := c.SetLinkDown(ctx, br.Index); err != nil {
		t.Fatal(err)
	}
	if l, _ := c.GetLink(ctx, br.Index); l.Flags&IFF_UP != 0 {
		t.Errorf("after SetLinkDown: %v", l)
	}

	// A veth pair with a peer, one end a port of the bridge.
	if err := c.AddLink(ctx, &Link{Name: "va0", Kind: "veth", MTU: 1400,
		Peer: &Link{Name: "va1", HardwareAddr: net.HardwareAddr{2, 0, 0, 0, 0xa, 1}, MTU: 1300}}); err != nil {
		t.Fatal(err)
	}
	va0, err := c.GetLinkByName(ctx, "va0")
	if err != nil {
		t.Fatal(err)
	}
	va1, err := c.GetLinkByName(ctx, "va1")
	if err != nil {
		t.Fatal(err)
	}
	if va0.Kind != "veth" || va0.ParentIndex != va1.Index || va1.ParentIndex != va0.Index || va0.MTU != 1400 ||
		va1.MTU != 1300 || va1.HardwareAddr.String() != "02:00:00:00:0a:01" {
		t.Errorf("veth pair: %v / %v %s", va0, va1, va1.HardwareAddr)
	}
	if err := c.SetLinkMaster(ctx, va0.Index, br.Index); err != nil {
		t.Fatal(err)
	}
	va0, _ = c.GetLink(ctx, va0.Index)
	if va0.Master != br.Index || va0.SlaveKind != "bridge" || len(va0.InfoSlaveData) == 0 {
		t.Errorf("after SetLinkMaster: %v slave kind %q", va0, va0.SlaveKind)
	}
	if out := ns.ip("link show va0"); !strings.Contains(out, "master br-test") {
		t.Errorf("ip shows %q", out)
	}
	if err := c.SetLinkMaster(ctx, va0.Index, 0); err != nil {
		t.Fatal(err)
	}
	if va0, _ = c.GetLink(ctx, va0.Index); va0.Master != 0 {
		t.Errorf("after releasing: master %d", va0.Master)
	}

	// MTU, name and more at once.
	if err := c.SetLinkMTU(ctx, va0.Index, 1280); err != nil {
		t.Fatal(err)
	}
	if out := ns.ip("link show va0"); !strings.Contains(out, "mtu 1280") {
		t.Errorf("after SetLinkMTU ip shows %q", out)
	}
	if err := c.SetLinkName(ctx, va0.Index, "va0-renamed"); err != nil {
		t.Fatal(err)
	}
	if l, err := c.GetLink(ctx, va0.Index); err != nil || l.Name != "va0-renamed" {
		t.Errorf("after SetLinkName: %v, %v", l, err)
	}
	if _, err := c.GetLinkByName(ctx, "va0"); !errors.Is(err, unix.ENODEV) {
		t.Errorf("old name: %v, want ENODEV", err)
	}
	set := Link{Index: va0.Index, Alias: "set by test", Group: 9, TxQueueLen: 77,
		HardwareAddr: net.HardwareAddr{2, 0, 0, 0, 0xa, 0}, Flags: IFF_UP, Change: IFF_UP}
	if err := c.SetLink(ctx, &set); err != nil {
		t.Fatal(err)
	}
	got, err := c.GetLink(ctx, va0.Index)
	if err != nil {
		t.Fatal(err)
	}
	if got.Alias != "set by test" || got.Group != 9 || got.TxQueueLen != 77 || got.HardwareAddr.String() != "02:00:00:00:0a:00" ||
		got.Flags&IFF_UP == 0 {
		t.Errorf("after SetLink: %v alias %q addr %s", got, got.Alias, got.HardwareAddr)
	}
	// By name, with Index 0.
	if err := c.SetLink(ctx, &Link{Name: "va1", MTU: 1350}); err != nil {
		t.Fatal(err)
	}
	if l, _ := c.GetLink(ctx, va1.Index); l.MTU != 1350 {
		t.Errorf("SetLink by name: MTU %d", l.MTU)
	}

	// Read, modify, write: a decoded link goes back as it came, with
	// the change.
	rmw, err := c.GetLink(ctx, va1.Index)
	if err != nil {
		t.Fatal(err)
	}
	rmw.MTU = 1360
	rmw.Alias = "rewritten"
	if err := c.SetLink(ctx, &rmw); err != nil {
		t.Fatalf("SetLink of a decoded link: %v", err)
	}
	if l, _ := c.GetLink(ctx, va1.Index); l.MTU != 1360 || l.Alias != "rewritten" || l.Name != "va1" {
		t.Errorf("after SetLink of a decoded link: %v alias %q", l, l.Alias)
	}

	// An alternative name finds the link too.
	ns.ip("link property add dev va1 altname va1-a-rather-long-alternative-name")
	if l, err := c.GetLinkByName(ctx, "va1-a-rather-long-alternative-name"); err != nil || l.Index != va1.Index {
		t.Errorf("by altname: %v, %v", l, err)
	}

	// RangeLinks sees what ListLinks sees, and stops when asked.
	all, err := c.ListLinks(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var seen []string
	if err := c.RangeLinks(ctx, func(l *Link) bool { seen = append(seen, l.Name); return true }); err != nil {
		t.Fatal(err)
	}
	if len(seen) != len(all) || len(all) != 6 {
		t.Errorf("RangeLinks saw %v, ListLinks %d links", seen, len(all))
	}
	n := 0
	if err := c.RangeLinks(ctx, func(*Link) bool { n++; return n < 2 }); err != nil || n != 2 {
		t.Errorf("stopped RangeLinks: %d calls, %v", n, err)
	}

	// Delete.
	if err := c.DeleteLink(ctx, va0.Index); err != nil {
		t.Fatal(err)
	}
	if _, err := c.GetLink(ctx, va1.Index); !errors.Is(err, unix.ENODEV) {
		t.Errorf("the peer after deleting a veth: %v, want ENODEV", err)
	}
	if err := c.DeleteLink(ctx, br.Index); err != nil {
		t.Fatal(err)
	}
	if out := ns.ip("link show"); strings.Contains(out, "br-test") || strings.Contains(out, "va0") {
		t.Errorf("after delete ip shows %q", out)
	}
}

func TestLinkOperationErrors(t *testing.T) {
	ns := newTestNS(t)
	c := ns.dial(0)
	ctx := context.Background()
	veth0 := ns.ifindex("veth0")
	var ke *Error

	if _, err := c.GetLink(ctx, 99999); !errors.Is(err, unix.ENODEV) || !errors.As(err, &ke) {
		t.Errorf("GetLink(missing) = %v, want a kernel ENODEV", err)
	}
	if _, err := c.GetLinkByName(ctx, "nosuchlink"); !errors.Is(err, unix.ENODEV) {
		t.Errorf("GetLinkByName(missing) = %v, want ENODEV", err)
	}
	if err := c.DeleteLink(ctx, 99999); !errors.Is(err, unix.ENODEV) {
		t.Errorf("DeleteLink(missing) = %v, want ENODEV", err)
	}
	if err := c.SetLinkUp(ctx, 99999); !errors.Is(err, unix.ENODEV) {
		t.Errorf("SetLinkUp(missing) = %v, want ENODEV", err)
	}
	if err := c.AddLink(ctx, &Link{Name: "veth0", Kind: "bridge"}); !errors.Is(err, unix.EEXIST) || !errors.As(err, &ke) {
		t.Errorf("AddLink(existing name) = %v, want a kernel EEXIST", err)
	}
	if err := c.SetLinkName(ctx, veth0, "veth1"); !errors.Is(err, unix.EEXIST) {
		t.Errorf("renaming onto an existing name: %v, want EEXIST", err)
	}
	if err := c.SetLinkMTU(ctx, veth0, 70000); !errors.Is(err, unix.EINVAL) || !errors.As(err, &ke) || ke.Message == "" {
		t.Errorf("MTU above the maximum: %v, want EINVAL with the kernel's text", err)
	}
	if err := c.AddLink(ctx, &Link{Name: "x0", Kind: "no-such-kind"}); err == nil {
		t.Error("AddLink of an unknown kind succeeded")
	}
	if err := c.SetLinkMaster(ctx, veth0, ns.ifindex("veth1")); err == nil {
		t.Error("making a veth the master of another succeeded")
	}

	// Refused before anything is sent.
	long := strings.Repeat("n", 16)
	bad := []struct {
		name string
		err  error
	}{
		{"AddLink(nil)", c.AddLink(ctx, nil)},
		{"AddLink without kind", c.AddLink(ctx, &Link{Name: "x1"})},
		{"AddLink long name", c.AddLink(ctx, &Link{Name: long, Kind: "bridge"})},
		{"AddLink bad name", c.AddLink(ctx, &Link{Name: "a/b", Kind: "bridge"})},
		{"AddLink peer on bridge", c.AddLink(ctx, &Link{Name: "x2", Kind: "bridge", Peer: &Link{}})},
		{"AddLink bad peer name", c.AddLink(ctx, &Link{Name: "x3", Kind: "veth", Peer: &Link{Name: long}})},
		{"GetLink(0)", func() error { _, err := c.GetLink(ctx, 0); return err }()},
		{"GetLink(-1)", func() error { _, err := c.GetLink(ctx, -1); return err }()},
		{"GetLinkByName empty", func() error { _, err := c.GetLinkByName(ctx, ""); return err }()},
		{"GetLinkByName bad", func() error { _, err := c.GetLinkByName(ctx, "a b"); return err }()},
		{"GetLinkByName too long", func() error { _, err := c.GetLinkByName(ctx, strings.Repeat("n", 128)); return err }()},
		{"SetLinkUp(0)", c.SetLinkUp(ctx, 0)},
		{"SetLinkDown(-2)", c.SetLinkDown(ctx, -2)},
		{"SetLinkMTU 0", c.SetLinkMTU(ctx, veth0, 0)},
		{"SetLinkName empty", c.SetLinkName(ctx, veth0, "")},
		{"SetLinkName long", c.SetLinkName(ctx, veth0, long)},
		{"SetLinkName colon", c.SetLinkName(ctx, veth0, "a:1")},
		{"SetLinkMaster negative", c.SetLinkMaster(ctx, veth0, -1)},
		{"SetLinkMaster index 0", c.SetLinkMaster(ctx, 0, 1)},
		{"SetLink(nil)", c.SetLink(ctx, nil)},
		{"SetLink without index or name", c.SetLink(ctx, &Link{MTU: 1400})},
		{"DeleteLink(0)", c.DeleteLink(ctx, 0)},
	}
	for _, b := range bad {
		if !errors.Is(b.err, ErrInvalidOptions) {
			t.Errorf("%s = %v, want ErrInvalidOptions", b.name, b.err)
		}
	}
	// Nothing reached the kernel: the links are as they were.
	if out := ns.ip("-o link show"); strings.Count(out, "\n") != 3 {
		t.Errorf("links changed: %s", out)
	}
}

// lkNext returns the next message of ch for which ok is true.
func lkNext(t *testing.T, ch chan *Message, ok func(*Message) bool) *Message {
	t.Helper()
	timeout := time.After(5 * time.Second)
	for {
		select {
		case m := <-ch:
			if ok(m) {
				return m
			}
		case <-timeout:
			t.Fatal("no matching message within 5s")
		}
	}
}

func TestLinkNotificationsDecode(t *testing.T) {
	ns := newTestNS(t)
	c := ns.dial(RTMGRP_LINK)
	ch := make(chan *Message, 64)
	c.Notify(ch)
	ns.ip("link add nb0 type bridge")
	named := func(typ uint16) func(*Message) bool {
		return func(m *Message) bool {
			if m.Type != typ {
				return false
			}
			l, err := DecodeLink(m)
			if err != nil {
				t.Fatalf("%v: %v", m, err)
			}
			return l.Name == "nb0"
		}
	}
	m := lkNext(t, ch, named(RTM_NEWLINK))
	l, _ := DecodeLink(m)
	if l.Kind != "bridge" || l.Index <= 0 {
		t.Errorf("RTM_NEWLINK: %v kind %q", l, l.Kind)
	}
	ns.ip("link del nb0")
	m = lkNext(t, ch, named(RTM_DELLINK))
	if d, _ := DecodeLink(m); d.Index != l.Index {
		t.Errorf("RTM_DELLINK: %v, want index %d", d, l.Index)
	}
}

func TestLinkConstantsMatchUnix(t *testing.T) {
	want := map[string]int64{
		"IFLA_UNSPEC": unix.IFLA_UNSPEC, "IFLA_ADDRESS": unix.IFLA_ADDRESS, "IFLA_BROADCAST": unix.IFLA_BROADCAST,
		"IFLA_IFNAME": unix.IFLA_IFNAME, "IFLA_MTU": unix.IFLA_MTU, "IFLA_LINK": unix.IFLA_LINK, "IFLA_QDISC": unix.IFLA_QDISC,
		"IFLA_STATS": unix.IFLA_STATS, "IFLA_COST": unix.IFLA_COST, "IFLA_PRIORITY": unix.IFLA_PRIORITY,
		"IFLA_MASTER": unix.IFLA_MASTER, "IFLA_WIRELESS": unix.IFLA_WIRELESS, "IFLA_PROTINFO": unix.IFLA_PROTINFO,
		"IFLA_TXQLEN": unix.IFLA_TXQLEN, "IFLA_MAP": unix.IFLA_MAP, "IFLA_WEIGHT": unix.IFLA_WEIGHT,
		"IFLA_OPERSTATE": unix.IFLA_OPERSTATE, "IFLA_LINKMODE": unix.IFLA_LINKMODE, "IFLA_LINKINFO": unix.IFLA_LINKINFO,
		"IFLA_NET_NS_PID": unix.IFLA_NET_NS_PID, "IFLA_IFALIAS": unix.IFLA_IFALIAS, "IFLA_NUM_VF": unix.IFLA_NUM_VF,
		"IFLA_VFINFO_LIST": unix.IFLA_VFINFO_LIST, "IFLA_STATS64": unix.IFLA_STATS64, "IFLA_VF_PORTS": unix.IFLA_VF_PORTS,
		"IFLA_PORT_SELF": unix.IFLA_PORT_SELF, "IFLA_AF_SPEC": unix.IFLA_AF_SPEC, "IFLA_GROUP": unix.IFLA_GROUP,
		"IFLA_NET_NS_FD": unix.IFLA_NET_NS_FD, "IFLA_EXT_MASK": unix.IFLA_EXT_MASK, "IFLA_PROMISCUITY": unix.IFLA_PROMISCUITY,
		"IFLA_NUM_TX_QUEUES": unix.IFLA_NUM_TX_QUEUES, "IFLA_NUM_RX_QUEUES": unix.IFLA_NUM_RX_QUEUES,
		"IFLA_CARRIER": unix.IFLA_CARRIER, "IFLA_PHYS_PORT_ID": unix.IFLA_PHYS_PORT_ID,
		"IFLA_CARRIER_CHANGES": unix.IFLA_CARRIER_CHANGES, "IFLA_PHYS_SWITCH_ID": unix.IFLA_PHYS_SWITCH_ID,
		"IFLA_LINK_NETNSID": unix.IFLA_LINK_NETNSID, "IFLA_PHYS_PORT_NAME": unix.IFLA_PHYS_PORT_NAME,
		"IFLA_PROTO_DOWN": unix.IFLA_PROTO_DOWN, "IFLA_GSO_MAX_SEGS": unix.IFLA_GSO_MAX_SEGS,
		"IFLA_GSO_MAX_SIZE": unix.IFLA_GSO_MAX_SIZE, "IFLA_PAD": unix.IFLA_PAD, "IFLA_XDP": unix.IFLA_XDP,
		"IFLA_EVENT": unix.IFLA_EVENT, "IFLA_NEW_NETNSID": unix.IFLA_NEW_NETNSID, "IFLA_IF_NETNSID": unix.IFLA_IF_NETNSID,
		"IFLA_TARGET_NETNSID": unix.IFLA_TARGET_NETNSID, "IFLA_CARRIER_UP_COUNT": unix.IFLA_CARRIER_UP_COUNT,
		"IFLA_CARRIER_DOWN_COUNT": unix.IFLA_CARRIER_DOWN_COUNT, "IFLA_NEW_IFINDEX": unix.IFLA_NEW_IFINDEX,
		"IFLA_MIN_MTU": unix.IFLA_MIN_MTU, "IFLA_MAX_MTU": unix.IFLA_MAX_MTU, "IFLA_PROP_LIST": unix.IFLA_PROP_LIST,
		"IFLA_ALT_IFNAME": unix.IFLA_ALT_IFNAME, "IFLA_PERM_ADDRESS": unix.IFLA_PERM_ADDRESS,
		"IFLA_PROTO_DOWN_REASON": unix.IFLA_PROTO_DOWN_REASON, "IFLA_PARENT_DEV_NAME": unix.IFLA_PARENT_DEV_NAME,
		"IFLA_PARENT_DEV_BUS_NAME": unix.IFLA_PARENT_DEV_BUS_NAME, "IFLA_GRO_MAX_SIZE": unix.IFLA_GRO_MAX_SIZE,
		"IFLA_TSO_MAX_SIZE": unix.IFLA_TSO_MAX_SIZE, "IFLA_TSO_MAX_SEGS": unix.IFLA_TSO_MAX_SEGS,
		"IFLA_ALLMULTI": unix.IFLA_ALLMULTI, "IFLA_DEVLINK_PORT": unix.IFLA_DEVLINK_PORT,
		"IFLA_GSO_IPV4_MAX_SIZE": unix.IFLA_GSO_IPV4_MAX_SIZE, "IFLA_GRO_IPV4_MAX_SIZE": unix.IFLA_GRO_IPV4_MAX_SIZE,
		"IFLA_DPLL_PIN": unix.IFLA_DPLL_PIN,
		// include/uapi/linux/if_link.h entries unix does not define.
		"IFLA_MAX_PACING_OFFLOAD_HORIZON": 0x42, "IFLA_NETNS_IMMUTABLE": 0x43, "IFLA_HEADROOM": 0x44, "IFLA_TAILROOM": 0x45,

		"IFLA_INFO_UNSPEC": unix.IFLA_INFO_UNSPEC, "IFLA_INFO_KIND": unix.IFLA_INFO_KIND, "IFLA_INFO_DATA": unix.IFLA_INFO_DATA,
		"IFLA_INFO_XSTATS": unix.IFLA_INFO_XSTATS, "IFLA_INFO_SLAVE_KIND": unix.IFLA_INFO_SLAVE_KIND,
		"IFLA_INFO_SLAVE_DATA": unix.IFLA_INFO_SLAVE_DATA,
		"IFLA_XDP_UNSPEC":      unix.IFLA_XDP_UNSPEC, "IFLA_XDP_FD": unix.IFLA_XDP_FD, "IFLA_XDP_ATTACHED": unix.IFLA_XDP_ATTACHED,
		"IFLA_XDP_FLAGS": unix.IFLA_XDP_FLAGS, "IFLA_XDP_PROG_ID": unix.IFLA_XDP_PROG_ID,
		"IFLA_XDP_DRV_PROG_ID": unix.IFLA_XDP_DRV_PROG_ID, "IFLA_XDP_SKB_PROG_ID": unix.IFLA_XDP_SKB_PROG_ID,
		"IFLA_XDP_HW_PROG_ID": unix.IFLA_XDP_HW_PROG_ID, "IFLA_XDP_EXPECTED_FD": unix.IFLA_XDP_EXPECTED_FD,
		// include/uapi/linux/veth.h, if_link.h, rtnetlink.h, if.h
		"VETH_INFO_UNSPEC": 0, "VETH_INFO_PEER": 1,
		"XDP_ATTACHED_NONE": 0, "XDP_ATTACHED_DRV": 1, "XDP_ATTACHED_SKB": 2, "XDP_ATTACHED_HW": 3, "XDP_ATTACHED_MULTI": 4,
		"RTEXT_FILTER_VF": 1, "RTEXT_FILTER_BRVLAN": 2, "RTEXT_FILTER_BRVLAN_COMPRESSED": 4, "RTEXT_FILTER_SKIP_STATS": 8,
		"RTEXT_FILTER_MRP": 16, "RTEXT_FILTER_CFM_CONFIG": 32, "RTEXT_FILTER_CFM_STATUS": 64, "RTEXT_FILTER_MST": 128,
		"IF_OPER_UNKNOWN": 0, "IF_OPER_NOTPRESENT": 1, "IF_OPER_DOWN": 2, "IF_OPER_LOWERLAYERDOWN": 3,
		"IF_OPER_TESTING": 4, "IF_OPER_DORMANT": 5, "IF_OPER_UP": 6,
		"IF_LINK_MODE_DEFAULT": 0, "IF_LINK_MODE_DORMANT": 1, "IF_LINK_MODE_TESTING": 2,

		"IFF_UP": unix.IFF_UP, "IFF_BROADCAST": unix.IFF_BROADCAST, "IFF_DEBUG": unix.IFF_DEBUG,
		"IFF_LOOPBACK": unix.IFF_LOOPBACK, "IFF_POINTOPOINT": unix.IFF_POINTOPOINT, "IFF_NOTRAILERS": unix.IFF_NOTRAILERS,
		"IFF_RUNNING": unix.IFF_RUNNING, "IFF_NOARP": unix.IFF_NOARP, "IFF_PROMISC": unix.IFF_PROMISC,
		"IFF_ALLMULTI": unix.IFF_ALLMULTI, "IFF_MASTER": unix.IFF_MASTER, "IFF_SLAVE": unix.IFF_SLAVE,
		"IFF_MULTICAST": unix.IFF_MULTICAST, "IFF_PORTSEL": unix.IFF_PORTSEL, "IFF_AUTOMEDIA": unix.IFF_AUTOMEDIA,
		"IFF_DYNAMIC": unix.IFF_DYNAMIC, "IFF_LOWER_UP": unix.IFF_LOWER_UP, "IFF_DORMANT": unix.IFF_DORMANT,
		"IFF_ECHO": unix.IFF_ECHO, "IFF_VOLATILE": unix.IFF_VOLATILE,

		"ARPHRD_NETROM": unix.ARPHRD_NETROM, "ARPHRD_ETHER": unix.ARPHRD_ETHER, "ARPHRD_EETHER": unix.ARPHRD_EETHER,
		"ARPHRD_AX25": unix.ARPHRD_AX25, "ARPHRD_PRONET": unix.ARPHRD_PRONET, "ARPHRD_CHAOS": unix.ARPHRD_CHAOS,
		"ARPHRD_IEEE802": unix.ARPHRD_IEEE802, "ARPHRD_ARCNET": unix.ARPHRD_ARCNET, "ARPHRD_APPLETLK": unix.ARPHRD_APPLETLK,
		"ARPHRD_DLCI": unix.ARPHRD_DLCI, "ARPHRD_ATM": unix.ARPHRD_ATM, "ARPHRD_METRICOM": unix.ARPHRD_METRICOM,
		"ARPHRD_IEEE1394": unix.ARPHRD_IEEE1394, "ARPHRD_EUI64": unix.ARPHRD_EUI64, "ARPHRD_INFINIBAND": unix.ARPHRD_INFINIBAND,
		"ARPHRD_SLIP": unix.ARPHRD_SLIP, "ARPHRD_CSLIP": unix.ARPHRD_CSLIP, "ARPHRD_SLIP6": unix.ARPHRD_SLIP6,
		"ARPHRD_CSLIP6": unix.ARPHRD_CSLIP6, "ARPHRD_RSRVD": unix.ARPHRD_RSRVD, "ARPHRD_ADAPT": unix.ARPHRD_ADAPT,
		"ARPHRD_ROSE": unix.ARPHRD_ROSE, "ARPHRD_X25": unix.ARPHRD_X25, "ARPHRD_HWX25": unix.ARPHRD_HWX25,
		"ARPHRD_CAN": unix.ARPHRD_CAN, "ARPHRD_MCTP": unix.ARPHRD_MCTP, "ARPHRD_PPP": unix.ARPHRD_PPP,
		"ARPHRD_CISCO": unix.ARPHRD_CISCO, "ARPHRD_HDLC": unix.ARPHRD_HDLC, "ARPHRD_LAPB": unix.ARPHRD_LAPB,
		"ARPHRD_DDCMP": unix.ARPHRD_DDCMP, "ARPHRD_RAWHDLC": unix.ARPHRD_RAWHDLC, "ARPHRD_RAWIP": unix.ARPHRD_RAWIP,
		"ARPHRD_TUNNEL": unix.ARPHRD_TUNNEL, "ARPHRD_TUNNEL6": unix.ARPHRD_TUNNEL6, "ARPHRD_FRAD": unix.ARPHRD_FRAD,
		"ARPHRD_SKIP": unix.ARPHRD_SKIP, "ARPHRD_LOOPBACK": unix.ARPHRD_LOOPBACK, "ARPHRD_LOCALTLK": unix.ARPHRD_LOCALTLK,
		"ARPHRD_FDDI": unix.ARPHRD_FDDI, "ARPHRD_BIF": unix.ARPHRD_BIF, "ARPHRD_SIT": unix.ARPHRD_SIT,
		"ARPHRD_IPDDP": unix.ARPHRD_IPDDP, "ARPHRD_IPGRE": unix.ARPHRD_IPGRE, "ARPHRD_PIMREG": unix.ARPHRD_PIMREG,
		"ARPHRD_HIPPI": unix.ARPHRD_HIPPI, "ARPHRD_ASH": unix.ARPHRD_ASH, "ARPHRD_ECONET": unix.ARPHRD_ECONET,
		"ARPHRD_IRDA": unix.ARPHRD_IRDA, "ARPHRD_FCPP": unix.ARPHRD_FCPP, "ARPHRD_FCAL": unix.ARPHRD_FCAL,
		"ARPHRD_FCPL": unix.ARPHRD_FCPL, "ARPHRD_FCFABRIC": unix.ARPHRD_FCFABRIC, "ARPHRD_IEEE802_TR": unix.ARPHRD_IEEE802_TR,
		"ARPHRD_IEEE80211": unix.ARPHRD_IEEE80211, "ARPHRD_IEEE80211_PRISM": unix.ARPHRD_IEEE80211_PRISM,
		"ARPHRD_IEEE80211_RADIOTAP": unix.ARPHRD_IEEE80211_RADIOTAP, "ARPHRD_IEEE802154": unix.ARPHRD_IEEE802154,
		"ARPHRD_IEEE802154_MONITOR": unix.ARPHRD_IEEE802154_MONITOR, "ARPHRD_PHONET": unix.ARPHRD_PHONET,
		"ARPHRD_PHONET_PIPE": unix.ARPHRD_PHONET_PIPE, "ARPHRD_CAIF": unix.ARPHRD_CAIF, "ARPHRD_IP6GRE": unix.ARPHRD_IP6GRE,
		"ARPHRD_NETLINK": unix.ARPHRD_NETLINK, "ARPHRD_6LOWPAN": unix.ARPHRD_6LOWPAN, "ARPHRD_VSOCKMON": unix.ARPHRD_VSOCKMON,
		"ARPHRD_VOID": unix.ARPHRD_VOID, "ARPHRD_NONE": unix.ARPHRD_NONE,
	}
	got := map[string]int64{}
	for name, v := range lkDefinedConstants(t) {
		got[name] = v
	}
	for name, w := range want {
		g, ok := got[name]
		if !ok {
			t.Errorf("%s is not defined", name)
			continue
		}
		if g != w {
			t.Errorf("%s = %#x, want %#x", name, g, w)
		}
	}
	for name := range got {
		if _, ok := want[name]; !ok {
			t.Errorf("%s is not checked", name)
		}
	}
	if len(want) < 150 {
		t.Errorf("only %d constants checked", len(want))
	}
}

// BenchmarkListLinks lists a namespace of about 200 veth links.
func BenchmarkListLinks(b *testing.B) {
	ns := newTestNS(b)
	var lines []string
	for i := 0; i < 100; i++ {
		lines = append(lines, "link add bv"+strconv.Itoa(i)+"a type veth peer name bv"+strconv.Itoa(i)+"b")
	}
	ns.batch(lines)
	c := ns.dial(0)
	ctx := context.Background()
	links, err := c.ListLinks(ctx)
	if err != nil || len(links) < 200 {
		b.Fatalf("%d links, %v", len(links), err)
	}
	b.Run("ListLinks", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := c.ListLinks(ctx); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(links)), "ns/link")
	})
	b.Run("RangeLinks", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if err := c.RangeLinks(ctx, func(*Link) bool { return true }); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// lkDefinedConstants returns the exported untyped constants of
// link_types.go, type-checked alone, and fails the test if one of them is
// typed.
func lkDefinedConstants(t *testing.T) map[string]int64 {
	t.Helper()
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "link_types.go", nil, parser.SkipObjectResolution)
	if err != nil {
		t.Fatal(err)
	}
	// The file's import of strconv is not resolved; constants do not
	// need it.
	conf := types.Config{Error: func(error) {}}
	pkg, _ := conf.Check("netlink", fset, []*ast.File{f}, nil)
	out := map[string]int64{}
	for _, name := range pkg.Scope().Names() {
		c, ok := pkg.Scope().Lookup(name).(*types.Const)
		if !ok || !c.Exported() || strings.ToUpper(name) != name {
			continue
		}
		if c.Type() != types.Typ[types.UntypedInt] {
			t.Errorf("%s has type %v, want untyped int", name, c.Type())
		}
		v, ok := constant.Int64Val(c.Val())
		if !ok {
			t.Errorf("%s = %v is not an int64", name, c.Val())
		}
		out[name] = v
	}
	return out
}
