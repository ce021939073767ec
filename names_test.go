package netlink

import (
	"go/ast"
	"go/constant"
	"go/parser"
	"go/token"
	"go/types"
	"strings"
	"testing"

	"golang.org/x/sys/unix"
)

func TestMessageTypeString(t *testing.T) {
	tests := []struct {
		typ  uint16
		want string
	}{
		{NLMSG_NOOP, "NLMSG_NOOP"},
		{NLMSG_ERROR, "NLMSG_ERROR"},
		{NLMSG_DONE, "NLMSG_DONE"},
		{NLMSG_OVERRUN, "NLMSG_OVERRUN"},
		{RTM_NEWLINK, "RTM_NEWLINK"},
		{RTM_SETLINK, "RTM_SETLINK"},
		{RTM_NEWROUTE, "RTM_NEWROUTE"},
		{RTM_DELROUTE, "RTM_DELROUTE"},
		{RTM_GETROUTE, "RTM_GETROUTE"},
		{RTM_GETNEIGHTBL, "RTM_GETNEIGHTBL"},
		{RTM_GETTUNNEL, "RTM_GETTUNNEL"},
		{0, "type(0x0)"},
		{5, "type(0x5)"},
		{NLMSG_MIN_TYPE - 1, "type(0xf)"},
		{23, "type(0x17)"},  // the unused fourth slot of the address block
		{65, "type(0x41)"},  // a hole between RTM_NEWNEIGHTBL and RTM_GETNEIGHTBL
		{123, "type(0x7b)"}, // one past RTM_GETTUNNEL
		{0x1234, "type(0x1234)"},
		{0xffff, "type(0xffff)"},
	}
	for _, tt := range tests {
		if got := MessageTypeString(tt.typ); got != tt.want {
			t.Errorf("MessageTypeString(%d) = %q, want %q", tt.typ, got, tt.want)
		}
	}
}

// definedConstants type-checks netlink.go on its own and returns its
// constants by name.
func definedConstants(t *testing.T) map[string]*types.Const {
	t.Helper()
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "netlink.go", nil, parser.SkipObjectResolution)
	if err != nil {
		t.Fatal(err)
	}
	pkg, err := new(types.Config).Check("netlink", fset, []*ast.File{f}, nil)
	if err != nil {
		t.Fatalf("type-checking netlink.go alone: %v", err)
	}
	consts := make(map[string]*types.Const)
	for _, name := range pkg.Scope().Names() {
		if c, ok := pkg.Scope().Lookup(name).(*types.Const); ok {
			consts[name] = c
		}
	}
	if len(consts) < 150 {
		t.Fatalf("found %d constants in netlink.go, want 150 or more", len(consts))
	}
	return consts
}

// TestMessageTypeStringNamesEveryConstant checks that every NLMSG_* and
// RTM_* message type defined in netlink.go is printed as its own name,
// and that no two types share a name.
func TestMessageTypeStringNamesEveryConstant(t *testing.T) {
	consts := definedConstants(t)
	byValue := make(map[uint16]string)
	for name, c := range consts {
		if !strings.HasPrefix(name, "RTM_") && !strings.HasPrefix(name, "NLMSG_") || name == "NLMSG_MIN_TYPE" {
			continue
		}
		v, ok := constant.Uint64Val(c.Val())
		if !ok || v > 0xffff {
			t.Errorf("%s = %v does not fit nlmsg_type", name, c.Val())
			continue
		}
		typ := uint16(v)
		if other, dup := byValue[typ]; dup {
			t.Errorf("%s and %s are both %d", name, other, typ)
		}
		byValue[typ] = name
		if got := MessageTypeString(typ); got != name {
			t.Errorf("MessageTypeString(%s) = %q, want %q", name, got, name)
		}
	}

	// Round trip: every name printed belongs to exactly one type, and
	// every type that prints a name is one of the constants.
	seen := make(map[string]uint16)
	for i := 0; i <= 0xffff; i++ {
		typ := uint16(i)
		s := MessageTypeString(typ)
		if strings.HasPrefix(s, "type(") {
			continue
		}
		if prev, dup := seen[s]; dup {
			t.Errorf("MessageTypeString(%d) and MessageTypeString(%d) are both %q", prev, typ, s)
		}
		seen[s] = typ
		if byValue[typ] != s {
			t.Errorf("MessageTypeString(%d) = %q, which is no constant of that value", typ, s)
		}
	}
	if len(seen) != len(byValue) {
		t.Errorf("%d names printed for %d constants", len(seen), len(byValue))
	}
}

// TestConstantNamesUntyped checks that every constant of netlink.go is
// untyped, so that it compares with Header and ConnectionOptions fields.
func TestConstantNamesUntyped(t *testing.T) {
	for name, c := range definedConstants(t) {
		if c.Type() != types.Typ[types.UntypedInt] {
			t.Errorf("%s has type %v, want untyped int", name, c.Type())
		}
	}

	// And they do compile against the field types.
	var h Header
	h.Type = RTM_NEWROUTE
	h.Flags = NLM_F_REQUEST | NLM_F_DUMP
	var groups uint32 = RTMGRP_IPV4_ROUTE | RTMGRP_IPV6_PREFIX
	var family uint16 = NETLINK_ROUTE
	if h.Type != RTM_NEWROUTE || groups&RTMGRP_IPV4_ROUTE == 0 || family != NETLINK_ROUTE {
		t.Error("untyped constants do not compare with the fields they fill")
	}
}

// TestGroupNamesBitmask checks that each RTMGRP_X bit is the RTNLGRP_X
// group number, as the kernel lays them out.
func TestGroupNamesBitmask(t *testing.T) {
	consts := definedConstants(t)
	n := 0
	for name, c := range consts {
		base, ok := strings.CutPrefix(name, "RTMGRP_")
		if !ok {
			continue
		}
		n++
		grp, ok := consts["RTNLGRP_"+base]
		if !ok {
			t.Errorf("%s has no RTNLGRP_%s", name, base)
			continue
		}
		bit, _ := constant.Uint64Val(c.Val())
		num, _ := constant.Uint64Val(grp.Val())
		if num == 0 || num > 32 || bit != 1<<(num-1) {
			t.Errorf("%s = %#x, want 1<<(RTNLGRP_%s-1) = 1<<%d", name, bit, base, num-1)
		}
	}
	if n < 13 {
		t.Errorf("found %d RTMGRP_* constants, want 13 or more", n)
	}
}

// TestConstantNamesMatchUnix compares the constants with those of
// golang.org/x/sys/unix.
func TestConstantNamesMatchUnix(t *testing.T) {
	tests := []struct {
		name       string
		ours, unix int64
	}{
		{"SOL_NETLINK", SOL_NETLINK, unix.SOL_NETLINK},
		{"NLMSG_NOOP", NLMSG_NOOP, unix.NLMSG_NOOP},
		{"NLMSG_ERROR", NLMSG_ERROR, unix.NLMSG_ERROR},
		{"NLMSG_DONE", NLMSG_DONE, unix.NLMSG_DONE},
		{"NLMSG_OVERRUN", NLMSG_OVERRUN, unix.NLMSG_OVERRUN},
		{"NLMSG_MIN_TYPE", NLMSG_MIN_TYPE, unix.NLMSG_MIN_TYPE},
		{"NLM_F_REQUEST", NLM_F_REQUEST, unix.NLM_F_REQUEST},
		{"NLM_F_MULTI", NLM_F_MULTI, unix.NLM_F_MULTI},
		{"NLM_F_ACK", NLM_F_ACK, unix.NLM_F_ACK},
		{"NLM_F_ECHO", NLM_F_ECHO, unix.NLM_F_ECHO},
		{"NLM_F_DUMP_INTR", NLM_F_DUMP_INTR, unix.NLM_F_DUMP_INTR},
		{"NLM_F_DUMP_FILTERED", NLM_F_DUMP_FILTERED, unix.NLM_F_DUMP_FILTERED},
		{"NLM_F_ROOT", NLM_F_ROOT, unix.NLM_F_ROOT},
		{"NLM_F_MATCH", NLM_F_MATCH, unix.NLM_F_MATCH},
		{"NLM_F_ATOMIC", NLM_F_ATOMIC, unix.NLM_F_ATOMIC},
		{"NLM_F_DUMP", NLM_F_DUMP, unix.NLM_F_DUMP},
		{"NLM_F_REPLACE", NLM_F_REPLACE, unix.NLM_F_REPLACE},
		{"NLM_F_EXCL", NLM_F_EXCL, unix.NLM_F_EXCL},
		{"NLM_F_CREATE", NLM_F_CREATE, unix.NLM_F_CREATE},
		{"NLM_F_APPEND", NLM_F_APPEND, unix.NLM_F_APPEND},
		{"NLM_F_NONREC", NLM_F_NONREC, unix.NLM_F_NONREC},
		{"NLM_F_BULK", NLM_F_BULK, unix.NLM_F_BULK},
		{"NLM_F_CAPPED", NLM_F_CAPPED, unix.NLM_F_CAPPED},
		{"NLM_F_ACK_TLVS", NLM_F_ACK_TLVS, unix.NLM_F_ACK_TLVS},
		{"NETLINK_ROUTE", NETLINK_ROUTE, unix.NETLINK_ROUTE},
		{"NETLINK_UNUSED", NETLINK_UNUSED, unix.NETLINK_UNUSED},
		{"NETLINK_USERSOCK", NETLINK_USERSOCK, unix.NETLINK_USERSOCK},
		{"NETLINK_FIREWALL", NETLINK_FIREWALL, unix.NETLINK_FIREWALL},
		{"NETLINK_SOCK_DIAG", NETLINK_SOCK_DIAG, unix.NETLINK_SOCK_DIAG},
		{"NETLINK_INET_DIAG", NETLINK_INET_DIAG, unix.NETLINK_INET_DIAG},
		{"NETLINK_NFLOG", NETLINK_NFLOG, unix.NETLINK_NFLOG},
		{"NETLINK_XFRM", NETLINK_XFRM, unix.NETLINK_XFRM},
		{"NETLINK_SELINUX", NETLINK_SELINUX, unix.NETLINK_SELINUX},
		{"NETLINK_ISCSI", NETLINK_ISCSI, unix.NETLINK_ISCSI},
		{"NETLINK_AUDIT", NETLINK_AUDIT, unix.NETLINK_AUDIT},
		{"NETLINK_FIB_LOOKUP", NETLINK_FIB_LOOKUP, unix.NETLINK_FIB_LOOKUP},
		{"NETLINK_CONNECTOR", NETLINK_CONNECTOR, unix.NETLINK_CONNECTOR},
		{"NETLINK_NETFILTER", NETLINK_NETFILTER, unix.NETLINK_NETFILTER},
		{"NETLINK_IP6_FW", NETLINK_IP6_FW, unix.NETLINK_IP6_FW},
		{"NETLINK_DNRTMSG", NETLINK_DNRTMSG, unix.NETLINK_DNRTMSG},
		{"NETLINK_KOBJECT_UEVENT", NETLINK_KOBJECT_UEVENT, unix.NETLINK_KOBJECT_UEVENT},
		{"NETLINK_GENERIC", NETLINK_GENERIC, unix.NETLINK_GENERIC},
		{"NETLINK_SCSITRANSPORT", NETLINK_SCSITRANSPORT, unix.NETLINK_SCSITRANSPORT},
		{"NETLINK_ECRYPTFS", NETLINK_ECRYPTFS, unix.NETLINK_ECRYPTFS},
		{"NETLINK_RDMA", NETLINK_RDMA, unix.NETLINK_RDMA},
		{"NETLINK_CRYPTO", NETLINK_CRYPTO, unix.NETLINK_CRYPTO},
		{"NETLINK_SMC", NETLINK_SMC, unix.NETLINK_SMC},
		{"NETLINK_ADD_MEMBERSHIP", NETLINK_ADD_MEMBERSHIP, unix.NETLINK_ADD_MEMBERSHIP},
		{"NETLINK_DROP_MEMBERSHIP", NETLINK_DROP_MEMBERSHIP, unix.NETLINK_DROP_MEMBERSHIP},
		{"NETLINK_PKTINFO", NETLINK_PKTINFO, unix.NETLINK_PKTINFO},
		{"NETLINK_BROADCAST_ERROR", NETLINK_BROADCAST_ERROR, unix.NETLINK_BROADCAST_ERROR},
		{"NETLINK_NO_ENOBUFS", NETLINK_NO_ENOBUFS, unix.NETLINK_NO_ENOBUFS},
		{"NETLINK_LISTEN_ALL_NSID", NETLINK_LISTEN_ALL_NSID, unix.NETLINK_LISTEN_ALL_NSID},
		{"NETLINK_LIST_MEMBERSHIPS", NETLINK_LIST_MEMBERSHIPS, unix.NETLINK_LIST_MEMBERSHIPS},
		{"NETLINK_CAP_ACK", NETLINK_CAP_ACK, unix.NETLINK_CAP_ACK},
		{"NETLINK_EXT_ACK", NETLINK_EXT_ACK, unix.NETLINK_EXT_ACK},
		{"NETLINK_GET_STRICT_CHK", NETLINK_GET_STRICT_CHK, unix.NETLINK_GET_STRICT_CHK},
		{"RTMGRP_LINK", RTMGRP_LINK, unix.RTMGRP_LINK},
		{"RTMGRP_NOTIFY", RTMGRP_NOTIFY, unix.RTMGRP_NOTIFY},
		{"RTMGRP_NEIGH", RTMGRP_NEIGH, unix.RTMGRP_NEIGH},
		{"RTMGRP_TC", RTMGRP_TC, unix.RTMGRP_TC},
		{"RTMGRP_IPV4_IFADDR", RTMGRP_IPV4_IFADDR, unix.RTMGRP_IPV4_IFADDR},
		{"RTMGRP_IPV4_MROUTE", RTMGRP_IPV4_MROUTE, unix.RTMGRP_IPV4_MROUTE},
		{"RTMGRP_IPV4_ROUTE", RTMGRP_IPV4_ROUTE, unix.RTMGRP_IPV4_ROUTE},
		{"RTMGRP_IPV4_RULE", RTMGRP_IPV4_RULE, unix.RTMGRP_IPV4_RULE},
		{"RTMGRP_IPV6_IFADDR", RTMGRP_IPV6_IFADDR, unix.RTMGRP_IPV6_IFADDR},
		{"RTMGRP_IPV6_MROUTE", RTMGRP_IPV6_MROUTE, unix.RTMGRP_IPV6_MROUTE},
		{"RTMGRP_IPV6_ROUTE", RTMGRP_IPV6_ROUTE, unix.RTMGRP_IPV6_ROUTE},
		{"RTMGRP_IPV6_IFINFO", RTMGRP_IPV6_IFINFO, unix.RTMGRP_IPV6_IFINFO},
		{"RTMGRP_DECnet_IFADDR", RTMGRP_DECnet_IFADDR, unix.RTMGRP_DECnet_IFADDR},
		{"RTMGRP_DECnet_ROUTE", RTMGRP_DECnet_ROUTE, unix.RTMGRP_DECnet_ROUTE},
		{"RTMGRP_IPV6_PREFIX", RTMGRP_IPV6_PREFIX, unix.RTMGRP_IPV6_PREFIX},
		{"RTNLGRP_NONE", RTNLGRP_NONE, unix.RTNLGRP_NONE},
		{"RTNLGRP_LINK", RTNLGRP_LINK, unix.RTNLGRP_LINK},
		{"RTNLGRP_NOTIFY", RTNLGRP_NOTIFY, unix.RTNLGRP_NOTIFY},
		{"RTNLGRP_NEIGH", RTNLGRP_NEIGH, unix.RTNLGRP_NEIGH},
		{"RTNLGRP_TC", RTNLGRP_TC, unix.RTNLGRP_TC},
		{"RTNLGRP_IPV4_IFADDR", RTNLGRP_IPV4_IFADDR, unix.RTNLGRP_IPV4_IFADDR},
		{"RTNLGRP_IPV4_MROUTE", RTNLGRP_IPV4_MROUTE, unix.RTNLGRP_IPV4_MROUTE},
		{"RTNLGRP_IPV4_ROUTE", RTNLGRP_IPV4_ROUTE, unix.RTNLGRP_IPV4_ROUTE},
		{"RTNLGRP_IPV4_RULE", RTNLGRP_IPV4_RULE, unix.RTNLGRP_IPV4_RULE},
		{"RTNLGRP_IPV6_IFADDR", RTNLGRP_IPV6_IFADDR, unix.RTNLGRP_IPV6_IFADDR},
		{"RTNLGRP_IPV6_MROUTE", RTNLGRP_IPV6_MROUTE, unix.RTNLGRP_IPV6_MROUTE},
		{"RTNLGRP_IPV6_ROUTE", RTNLGRP_IPV6_ROUTE, unix.RTNLGRP_IPV6_ROUTE},
		{"RTNLGRP_IPV6_IFINFO", RTNLGRP_IPV6_IFINFO, unix.RTNLGRP_IPV6_IFINFO},
		{"RTNLGRP_DECnet_IFADDR", RTNLGRP_DECnet_IFADDR, unix.RTNLGRP_DECnet_IFADDR},
		{"RTNLGRP_NOP2", RTNLGRP_NOP2, unix.RTNLGRP_NOP2},
		{"RTNLGRP_DECnet_ROUTE", RTNLGRP_DECnet_ROUTE, unix.RTNLGRP_DECnet_ROUTE},
		{"RTNLGRP_DECnet_RULE", RTNLGRP_DECnet_RULE, unix.RTNLGRP_DECnet_RULE},
		{"RTNLGRP_NOP4", RTNLGRP_NOP4, unix.RTNLGRP_NOP4},
		{"RTNLGRP_IPV6_PREFIX", RTNLGRP_IPV6_PREFIX, unix.RTNLGRP_IPV6_PREFIX},
		{"RTNLGRP_IPV6_RULE", RTNLGRP_IPV6_RULE, unix.RTNLGRP_IPV6_RULE},
		{"RTNLGRP_ND_USEROPT", RTNLGRP_ND_USEROPT, unix.RTNLGRP_ND_USEROPT},
		{"RTNLGRP_PHONET_IFADDR", RTNLGRP_PHONET_IFADDR, unix.RTNLGRP_PHONET_IFADDR},
		{"RTNLGRP_PHONET_ROUTE", RTNLGRP_PHONET_ROUTE, unix.RTNLGRP_PHONET_ROUTE},
		{"RTNLGRP_DCB", RTNLGRP_DCB, unix.RTNLGRP_DCB},
		{"RTNLGRP_IPV4_NETCONF", RTNLGRP_IPV4_NETCONF, unix.RTNLGRP_IPV4_NETCONF},
		{"RTNLGRP_IPV6_NETCONF", RTNLGRP_IPV6_NETCONF, unix.RTNLGRP_IPV6_NETCONF},
		{"RTNLGRP_MDB", RTNLGRP_MDB, unix.RTNLGRP_MDB},
		{"RTNLGRP_MPLS_ROUTE", RTNLGRP_MPLS_ROUTE, unix.RTNLGRP_MPLS_ROUTE},
		{"RTNLGRP_NSID", RTNLGRP_NSID, unix.RTNLGRP_NSID},
		{"RTNLGRP_MPLS_NETCONF", RTNLGRP_MPLS_NETCONF, unix.RTNLGRP_MPLS_NETCONF},
		{"RTNLGRP_IPV4_MROUTE_R", RTNLGRP_IPV4_MROUTE_R, unix.RTNLGRP_IPV4_MROUTE_R},
		{"RTNLGRP_IPV6_MROUTE_R", RTNLGRP_IPV6_MROUTE_R, unix.RTNLGRP_IPV6_MROUTE_R},
		{"RTNLGRP_NEXTHOP", RTNLGRP_NEXTHOP, unix.RTNLGRP_NEXTHOP},
		{"RTNLGRP_BRVLAN", RTNLGRP_BRVLAN, unix.RTNLGRP_BRVLAN},
		{"RTNLGRP_MCTP_IFADDR", RTNLGRP_MCTP_IFADDR, unix.RTNLGRP_MCTP_IFADDR},
		{"RTNLGRP_TUNNEL", RTNLGRP_TUNNEL, unix.RTNLGRP_TUNNEL},
		{"RTNLGRP_STATS", RTNLGRP_STATS, unix.RTNLGRP_STATS},
		{"RTNLGRP_IPV4_MCADDR", RTNLGRP_IPV4_MCADDR, unix.RTNLGRP_IPV4_MCADDR},
		{"RTNLGRP_IPV6_MCADDR", RTNLGRP_IPV6_MCADDR, unix.RTNLGRP_IPV6_MCADDR},
		{"RTNLGRP_IPV6_ACADDR", RTNLGRP_IPV6_ACADDR, unix.RTNLGRP_IPV6_ACADDR},
		{"RTM_NEWLINK", RTM_NEWLINK, unix.RTM_NEWLINK},
		{"RTM_DELLINK", RTM_DELLINK, unix.RTM_DELLINK},
		{"RTM_GETLINK", RTM_GETLINK, unix.RTM_GETLINK},
		{"RTM_SETLINK", RTM_SETLINK, unix.RTM_SETLINK},
		{"RTM_NEWADDR", RTM_NEWADDR, unix.RTM_NEWADDR},
		{"RTM_DELADDR", RTM_DELADDR, unix.RTM_DELADDR},
		{"RTM_GETADDR", RTM_GETADDR, unix.RTM_GETADDR},
		{"RTM_NEWROUTE", RTM_NEWROUTE, unix.RTM_NEWROUTE},
		{"RTM_DELROUTE", RTM_DELROUTE, unix.RTM_DELROUTE},
		{"RTM_GETROUTE", RTM_GETROUTE, unix.RTM_GETROUTE},
		{"RTM_NEWNEIGH", RTM_NEWNEIGH, unix.RTM_NEWNEIGH},
		{"RTM_DELNEIGH", RTM_DELNEIGH, unix.RTM_DELNEIGH},
		{"RTM_GETNEIGH", RTM_GETNEIGH, unix.RTM_GETNEIGH},
		{"RTM_NEWRULE", RTM_NEWRULE, unix.RTM_NEWRULE},
		{"RTM_DELRULE", RTM_DELRULE, unix.RTM_DELRULE},
		{"RTM_GETRULE", RTM_GETRULE, unix.RTM_GETRULE},
		{"RTM_NEWQDISC", RTM_NEWQDISC, unix.RTM_NEWQDISC},
		{"RTM_DELQDISC", RTM_DELQDISC, unix.RTM_DELQDISC},
		{"RTM_GETQDISC", RTM_GETQDISC, unix.RTM_GETQDISC},
		{"RTM_NEWTCLASS", RTM_NEWTCLASS, unix.RTM_NEWTCLASS},
		{"RTM_DELTCLASS", RTM_DELTCLASS, unix.RTM_DELTCLASS},
		{"RTM_GETTCLASS", RTM_GETTCLASS, unix.RTM_GETTCLASS},
		{"RTM_NEWTFILTER", RTM_NEWTFILTER, unix.RTM_NEWTFILTER},
		{"RTM_DELTFILTER", RTM_DELTFILTER, unix.RTM_DELTFILTER},
		{"RTM_GETTFILTER", RTM_GETTFILTER, unix.RTM_GETTFILTER},
		{"RTM_NEWACTION", RTM_NEWACTION, unix.RTM_NEWACTION},
		{"RTM_DELACTION", RTM_DELACTION, unix.RTM_DELACTION},
		{"RTM_GETACTION", RTM_GETACTION, unix.RTM_GETACTION},
		{"RTM_NEWPREFIX", RTM_NEWPREFIX, unix.RTM_NEWPREFIX},
		{"RTM_NEWMULTICAST", RTM_NEWMULTICAST, unix.RTM_NEWMULTICAST},
		{"RTM_DELMULTICAST", RTM_DELMULTICAST, unix.RTM_DELMULTICAST},
		{"RTM_GETMULTICAST", RTM_GETMULTICAST, unix.RTM_GETMULTICAST},
		{"RTM_NEWANYCAST", RTM_NEWANYCAST, unix.RTM_NEWANYCAST},
		{"RTM_DELANYCAST", RTM_DELANYCAST, unix.RTM_DELANYCAST},
		{"RTM_GETANYCAST", RTM_GETANYCAST, unix.RTM_GETANYCAST},
		{"RTM_NEWNEIGHTBL", RTM_NEWNEIGHTBL, unix.RTM_NEWNEIGHTBL},
		{"RTM_GETNEIGHTBL", RTM_GETNEIGHTBL, unix.RTM_GETNEIGHTBL},
		{"RTM_SETNEIGHTBL", RTM_SETNEIGHTBL, unix.RTM_SETNEIGHTBL},
		{"RTM_NEWNDUSEROPT", RTM_NEWNDUSEROPT, unix.RTM_NEWNDUSEROPT},
		{"RTM_NEWADDRLABEL", RTM_NEWADDRLABEL, unix.RTM_NEWADDRLABEL},
		{"RTM_DELADDRLABEL", RTM_DELADDRLABEL, unix.RTM_DELADDRLABEL},
		{"RTM_GETADDRLABEL", RTM_GETADDRLABEL, unix.RTM_GETADDRLABEL},
		{"RTM_GETDCB", RTM_GETDCB, unix.RTM_GETDCB},
		{"RTM_SETDCB", RTM_SETDCB, unix.RTM_SETDCB},
		{"RTM_NEWNETCONF", RTM_NEWNETCONF, unix.RTM_NEWNETCONF},
		{"RTM_DELNETCONF", RTM_DELNETCONF, unix.RTM_DELNETCONF},
		{"RTM_GETNETCONF", RTM_GETNETCONF, unix.RTM_GETNETCONF},
		{"RTM_NEWMDB", RTM_NEWMDB, unix.RTM_NEWMDB},
		{"RTM_DELMDB", RTM_DELMDB, unix.RTM_DELMDB},
		{"RTM_GETMDB", RTM_GETMDB, unix.RTM_GETMDB},
		{"RTM_NEWNSID", RTM_NEWNSID, unix.RTM_NEWNSID},
		{"RTM_DELNSID", RTM_DELNSID, unix.RTM_DELNSID},
		{"RTM_GETNSID", RTM_GETNSID, unix.RTM_GETNSID},
		{"RTM_NEWSTATS", RTM_NEWSTATS, unix.RTM_NEWSTATS},
		{"RTM_GETSTATS", RTM_GETSTATS, unix.RTM_GETSTATS},
		{"RTM_SETSTATS", RTM_SETSTATS, unix.RTM_SETSTATS},
		{"RTM_NEWCACHEREPORT", RTM_NEWCACHEREPORT, unix.RTM_NEWCACHEREPORT},
		{"RTM_NEWCHAIN", RTM_NEWCHAIN, unix.RTM_NEWCHAIN},
		{"RTM_DELCHAIN", RTM_DELCHAIN, unix.RTM_DELCHAIN},
		{"RTM_GETCHAIN", RTM_GETCHAIN, unix.RTM_GETCHAIN},
		{"RTM_NEWNEXTHOP", RTM_NEWNEXTHOP, unix.RTM_NEWNEXTHOP},
		{"RTM_DELNEXTHOP", RTM_DELNEXTHOP, unix.RTM_DELNEXTHOP},
		{"RTM_GETNEXTHOP", RTM_GETNEXTHOP, unix.RTM_GETNEXTHOP},
		{"RTM_NEWLINKPROP", RTM_NEWLINKPROP, unix.RTM_NEWLINKPROP},
		{"RTM_DELLINKPROP", RTM_DELLINKPROP, unix.RTM_DELLINKPROP},
		{"RTM_GETLINKPROP", RTM_GETLINKPROP, unix.RTM_GETLINKPROP},
		{"RTM_NEWVLAN", RTM_NEWVLAN, unix.RTM_NEWVLAN},
		{"RTM_DELVLAN", RTM_DELVLAN, unix.RTM_DELVLAN},
		{"RTM_GETVLAN", RTM_GETVLAN, unix.RTM_GETVLAN},
		{"RTM_NEWNEXTHOPBUCKET", RTM_NEWNEXTHOPBUCKET, unix.RTM_NEWNEXTHOPBUCKET},
		{"RTM_DELNEXTHOPBUCKET", RTM_DELNEXTHOPBUCKET, unix.RTM_DELNEXTHOPBUCKET},
		{"RTM_GETNEXTHOPBUCKET", RTM_GETNEXTHOPBUCKET, unix.RTM_GETNEXTHOPBUCKET},
		{"RTM_NEWTUNNEL", RTM_NEWTUNNEL, unix.RTM_NEWTUNNEL},
		{"RTM_DELTUNNEL", RTM_DELTUNNEL, unix.RTM_DELTUNNEL},
		{"RTM_GETTUNNEL", RTM_GETTUNNEL, unix.RTM_GETTUNNEL},
	}
	for _, tt := range tests {
		if tt.ours != tt.unix {
			t.Errorf("%s = %#x, unix.%s = %#x", tt.name, tt.ours, tt.name, tt.unix)
		}
	}
	// Every constant of netlink.go is in the table above.
	listed := make(map[string]bool, len(tests))
	for _, tt := range tests {
		listed[tt.name] = true
	}
	for name := range definedConstants(t) {
		if !listed[name] {
			t.Errorf("%s is not compared with unix.%s", name, name)
		}
	}
}

func TestFlagsString(t *testing.T) {
	tests := []struct {
		name  string
		typ   uint16
		flags uint16
		want  string
	}{
		{"zero", RTM_NEWROUTE, 0, "0"},
		{"request ack", RTM_NEWROUTE, NLM_F_REQUEST | NLM_F_ACK, "REQUEST|ACK"},
		{"multi", RTM_NEWROUTE, NLM_F_MULTI, "MULTI"},
		{"all common", NLMSG_NOOP, 0x3f, "REQUEST|MULTI|ACK|ECHO|DUMP_INTR|DUMP_FILTERED"},
		{"dump", RTM_GETROUTE, NLM_F_REQUEST | NLM_F_DUMP, "REQUEST|DUMP"},
		{"root only", RTM_GETLINK, NLM_F_REQUEST | NLM_F_ROOT, "REQUEST|ROOT"},
		{"match only", RTM_GETADDR, NLM_F_REQUEST | NLM_F_MATCH, "REQUEST|MATCH"},
		{"dump atomic", RTM_GETNEIGH, NLM_F_REQUEST | NLM_F_DUMP | NLM_F_ATOMIC, "REQUEST|DUMP|ATOMIC"},
		{"get unknown", RTM_GETTUNNEL, NLM_F_REQUEST | 0x800, "REQUEST|0x800"},
		{"dcb get", RTM_GETDCB, NLM_F_REQUEST | NLM_F_DUMP, "REQUEST|DUMP"},
		{"new create excl", RTM_NEWROUTE, NLM_F_REQUEST | NLM_F_ACK | NLM_F_CREATE | NLM_F_EXCL, "REQUEST|ACK|EXCL|CREATE"},
		{"new replace", RTM_NEWADDR, NLM_F_REQUEST | NLM_F_CREATE | NLM_F_REPLACE, "REQUEST|REPLACE|CREATE"},
		{"new append", RTM_NEWROUTE, NLM_F_REQUEST | NLM_F_CREATE | NLM_F_APPEND, "REQUEST|CREATE|APPEND"},
		{"new all", RTM_NEWTUNNEL, 0xf00, "REPLACE|EXCL|CREATE|APPEND"},
		{"del nonrec", RTM_DELROUTE, NLM_F_REQUEST | NLM_F_NONREC, "REQUEST|NONREC"},
		{"del bulk", RTM_DELNEIGH, NLM_F_REQUEST | NLM_F_ACK | NLM_F_BULK, "REQUEST|ACK|BULK"},
		{"del unknown", RTM_DELLINK, NLM_F_REQUEST | 0x400, "REQUEST|0x400"},
		{"set", RTM_SETLINK, NLM_F_REQUEST | NLM_F_ACK | 0x100, "REQUEST|ACK|0x100"},
		{"notification", RTM_NEWROUTE, 0, "0"},
		{"error capped", NLMSG_ERROR, NLM_F_CAPPED, "CAPPED"},
		{"error ack tlvs", NLMSG_ERROR, NLM_F_CAPPED | NLM_F_ACK_TLVS, "CAPPED|ACK_TLVS"},
		{"done multi", NLMSG_DONE, NLM_F_MULTI | NLM_F_ACK_TLVS, "MULTI|ACK_TLVS"},
		{"done dump intr", NLMSG_DONE, NLM_F_MULTI | NLM_F_DUMP_INTR, "MULTI|DUMP_INTR"},
		{"noop modifiers", NLMSG_NOOP, 0x300, "0x300"},
		{"overrun", NLMSG_OVERRUN, NLM_F_MULTI | 0x100, "MULTI|0x100"},
		{"low unknown", RTM_NEWROUTE, NLM_F_REQUEST | 0x40 | 0x1000, "REQUEST|0x1040"},
		{"high bit", RTM_GETROUTE, 0x8000, "0x8000"},
		{"all bits get", RTM_GETROUTE, 0xffff, "REQUEST|MULTI|ACK|ECHO|DUMP_INTR|DUMP_FILTERED|DUMP|ATOMIC|0xf8c0"},
		{"all bits error", NLMSG_ERROR, 0xffff, "REQUEST|MULTI|ACK|ECHO|DUMP_INTR|DUMP_FILTERED|CAPPED|ACK_TLVS|0xfcc0"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := FlagsString(tt.typ, tt.flags); got != tt.want {
				t.Errorf("FlagsString(%s, %#x) = %q, want %q", MessageTypeString(tt.typ), tt.flags, got, tt.want)
			}
		})
	}
}

// TestFlagsStringNamesEveryBit checks, for each kind of message, that
// every set bit is printed exactly once, by name or in the hexadecimal
// rest.
func TestFlagsStringNamesEveryBit(t *testing.T) {
	for _, typ := range []uint16{NLMSG_NOOP, NLMSG_ERROR, NLMSG_DONE, NLMSG_OVERRUN, RTM_NEWROUTE, RTM_DELROUTE, RTM_GETROUTE, RTM_SETLINK} {
		for bit := 0; bit < 16; bit++ {
			flags := uint16(1) << bit
			s := FlagsString(typ, flags)
			if s == "" || s == "0" || strings.Contains(s, "|") {
				t.Errorf("FlagsString(%s, %#x) = %q, want one name", MessageTypeString(typ), flags, s)
			}
		}
	}
}
