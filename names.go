package netlink

import (
	"strconv"
)

// messageTypeNames maps each message type this package defines (NLMSG_*
// and RTM_*) to its kernel name. It is indexed by constants, so the
// compiler rejects a duplicate, and it is never written.
var messageTypeNames = [...]string{
	NLMSG_NOOP:    "NLMSG_NOOP",
	NLMSG_ERROR:   "NLMSG_ERROR",
	NLMSG_DONE:    "NLMSG_DONE",
	NLMSG_OVERRUN: "NLMSG_OVERRUN",

	RTM_NEWLINK: "RTM_NEWLINK",
	RTM_DELLINK: "RTM_DELLINK",
	RTM_GETLINK: "RTM_GETLINK",
	RTM_SETLINK: "RTM_SETLINK",

	RTM_NEWADDR: "RTM_NEWADDR",
	RTM_DELADDR: "RTM_DELADDR",
	RTM_GETADDR: "RTM_GETADDR",

	RTM_NEWROUTE: "RTM_NEWROUTE",
	RTM_DELROUTE: "RTM_DELROUTE",
	RTM_GETROUTE: "RTM_GETROUTE",

	RTM_NEWNEIGH: "RTM_NEWNEIGH",
	RTM_DELNEIGH: "RTM_DELNEIGH",
	RTM_GETNEIGH: "RTM_GETNEIGH",

	RTM_NEWRULE: "RTM_NEWRULE",
	RTM_DELRULE: "RTM_DELRULE",
	RTM_GETRULE: "RTM_GETRULE",

	RTM_NEWQDISC:   "RTM_NEWQDISC",
	RTM_DELQDISC:   "RTM_DELQDISC",
	RTM_GETQDISC:   "RTM_GETQDISC",
	RTM_NEWTCLASS:  "RTM_NEWTCLASS",
	RTM_DELTCLASS:  "RTM_DELTCLASS",
	RTM_GETTCLASS:  "RTM_GETTCLASS",
	RTM_NEWTFILTER: "RTM_NEWTFILTER",
	RTM_DELTFILTER: "RTM_DELTFILTER",
	RTM_GETTFILTER: "RTM_GETTFILTER",
	RTM_NEWACTION:  "RTM_NEWACTION",
	RTM_DELACTION:  "RTM_DELACTION",
	RTM_GETACTION:  "RTM_GETACTION",

	RTM_NEWPREFIX: "RTM_NEWPREFIX",

	RTM_NEWMULTICAST: "RTM_NEWMULTICAST",
	RTM_DELMULTICAST: "RTM_DELMULTICAST",
	RTM_GETMULTICAST: "RTM_GETMULTICAST",
	RTM_NEWANYCAST:   "RTM_NEWANYCAST",
	RTM_DELANYCAST:   "RTM_DELANYCAST",
	RTM_GETANYCAST:   "RTM_GETANYCAST",

	RTM_NEWNEIGHTBL: "RTM_NEWNEIGHTBL",
	RTM_GETNEIGHTBL: "RTM_GETNEIGHTBL",
	RTM_SETNEIGHTBL: "RTM_SETNEIGHTBL",

	RTM_NEWNDUSEROPT: "RTM_NEWNDUSEROPT",

	RTM_NEWADDRLABEL: "RTM_NEWADDRLABEL",
	RTM_DELADDRLABEL: "RTM_DELADDRLABEL",
	RTM_GETADDRLABEL: "RTM_GETADDRLABEL",

	RTM_GETDCB: "RTM_GETDCB",
	RTM_SETDCB: "RTM_SETDCB",

	RTM_NEWNETCONF: "RTM_NEWNETCONF",
	RTM_DELNETCONF: "RTM_DELNETCONF",
	RTM_GETNETCONF: "RTM_GETNETCONF",

	RTM_NEWMDB: "RTM_NEWMDB",
	RTM_DELMDB: "RTM_DELMDB",
	RTM_GETMDB: "RTM_GETMDB",

	RTM_NEWNSID: "RTM_NEWNSID",
	RTM_DELNSID: "RTM_DELNSID",
	RTM_GETNSID: "RTM_GETNSID",

	RTM_NEWSTATS: "RTM_NEWSTATS",
	RTM_GETSTATS: "RTM_GETSTATS",
	RTM_SETSTATS: "RTM_SETSTATS",

	RTM_NEWCACHEREPORT: "RTM_NEWCACHEREPORT",

	RTM_NEWCHAIN: "RTM_NEWCHAIN",
	RTM_DELCHAIN: "RTM_DELCHAIN",
	RTM_GETCHAIN: "RTM_GETCHAIN",

	RTM_NEWNEXTHOP: "RTM_NEWNEXTHOP",
	RTM_DELNEXTHOP: "RTM_DELNEXTHOP",
	RTM_GETNEXTHOP: "RTM_GETNEXTHOP",

	RTM_NEWLINKPROP: "RTM_NEWLINKPROP",
	RTM_DELLINKPROP: "RTM_DELLINKPROP",
	RTM_GETLINKPROP: "RTM_GETLINKPROP",

	RTM_NEWVLAN: "RTM_NEWVLAN",
	RTM_DELVLAN: "RTM_DELVLAN",
	RTM_GETVLAN: "RTM_GETVLAN",

	RTM_NEWNEXTHOPBUCKET: "RTM_NEWNEXTHOPBUCKET",
	RTM_DELNEXTHOPBUCKET: "RTM_DELNEXTHOPBUCKET",
	RTM_GETNEXTHOPBUCKET: "RTM_GETNEXTHOPBUCKET",

	RTM_NEWTUNNEL: "RTM_NEWTUNNEL",
	RTM_DELTUNNEL: "RTM_DELTUNNEL",
	RTM_GETTUNNEL: "RTM_GETTUNNEL",
}

// MessageTypeString returns the kernel's name for the message type t
// (nlmsg_type), an NLMSG_* control type or an RTM_* RTNETLINK type such as
// "RTM_NEWROUTE", or "type(0x1234)" for a type this package does not name.
func MessageTypeString(t uint16) string {
	if int(t) < len(messageTypeNames) && messageTypeNames[t] != "" {
		return messageTypeNames[t]
	}
	return "type(0x" + strconv.FormatUint(uint64(t), 16) + ")"
}

// Flag names by kind of message, in the order they are printed. They are
// never written.
var (
	// commonFlags have the same meaning in every message.
	commonFlags = [...]flagName[uint16]{
		{NLM_F_REQUEST, "REQUEST"},
		{NLM_F_MULTI, "MULTI"},
		{NLM_F_ACK, "ACK"},
		{NLM_F_ECHO, "ECHO"},
		{NLM_F_DUMP_INTR, "DUMP_INTR"},
		{NLM_F_DUMP_FILTERED, "DUMP_FILTERED"},
	}
	// getFlags modify GET requests; DUMP comes before its parts ROOT
	// and MATCH so that it is printed when both are set.
	getFlags = [...]flagName[uint16]{
		{NLM_F_DUMP, "DUMP"},
		{NLM_F_ROOT, "ROOT"},
		{NLM_F_MATCH, "MATCH"},
		{NLM_F_ATOMIC, "ATOMIC"},
	}
	// newFlags modify NEW requests.
	newFlags = [...]flagName[uint16]{
		{NLM_F_REPLACE, "REPLACE"},
		{NLM_F_EXCL, "EXCL"},
		{NLM_F_CREATE, "CREATE"},
		{NLM_F_APPEND, "APPEND"},
	}
	// delFlags modify DEL requests.
	delFlags = [...]flagName[uint16]{
		{NLM_F_NONREC, "NONREC"},
		{NLM_F_BULK, "BULK"},
	}
	// ackFlags are set by the kernel in NLMSG_ERROR and NLMSG_DONE.
	ackFlags = [...]flagName[uint16]{
		{NLM_F_CAPPED, "CAPPED"},
		{NLM_F_ACK_TLVS, "ACK_TLVS"},
	}
)

// modifierFlags returns the names of the flags from 0x100 up, whose
// meaning depends on the message type typ, or nil when typ gives them no
// meaning. RTNETLINK types from RTM_BASE (16) up come in groups of four:
// NEW, DEL, GET and SET.
func modifierFlags(typ uint16) []flagName[uint16] {
	switch {
	case typ == NLMSG_ERROR || typ == NLMSG_DONE:
		return ackFlags[:]
	case typ < NLMSG_MIN_TYPE:
		return nil
	}
	switch typ % 4 {
	case RTM_NEWLINK % 4:
		return newFlags[:]
	case RTM_DELLINK % 4:
		return delFlags[:]
	case RTM_GETLINK % 4:
		return getFlags[:]
	}
	return nil // SET requests have no modifiers
}

// FlagsString returns the NLM_F_* flags set in flags (nlmsg_flags), as
// their names without the NLM_F_ prefix joined by "|", for example
// "REQUEST|ACK" or "REQUEST|DUMP". The flags from 0x100 up are named
// according to the message type typ: GET, NEW and DEL modifiers for
// RTNETLINK requests (by type%4, as RTM_* types are laid out), CAPPED and
// ACK_TLVS for NLMSG_ERROR and NLMSG_DONE. DUMP stands for ROOT|MATCH.
// Bits without a name are printed together in hexadecimal, and no flags
// at all as "0".
func FlagsString(typ, flags uint16) string {
	if flags == 0 {
		return "0"
	}
	b, rest := appendFlagNames(nil, 0, flags, commonFlags[:], '|')
	b, rest = appendFlagNames(b, 0, rest, modifierFlags(typ), '|')
	if rest != 0 {
		if len(b) > 0 {
			b = append(b, '|')
		}
		b = append(b, "0x"...)
		b = strconv.AppendUint(b, uint64(rest), 16)
	}
	return string(b)
}
