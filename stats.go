package netlink

import "sync/atomic"

// Stats counts what a Connection's notification socket has seen.
type Stats struct {
	// Received counts the messages read from the kernel.
	Received uint64
	// Delivered counts the messages handed to the Notify channel or the
	// Handle callback, overrun markers included.
	Delivered uint64
	// ForeignDropped counts the messages dropped because a process, not
	// the kernel, sent them (a sender port other than 0).
	ForeignDropped uint64
	// Overruns counts the times the kernel reported dropping messages
	// (ENOBUFS); each put one NLMSG_OVERRUN marker in the stream.
	Overruns uint64
	// Truncated counts the datagrams too large for the reader's buffer,
	// which the kernel cut; each put one NLMSG_OVERRUN marker in the
	// stream, and the reader then sizes every datagram before reading
	// it, so that it happens at most once per connection.
	Truncated uint64
	// Malformed counts the datagrams whose tail could not be parsed into
	// messages; what came before the bad message was delivered.
	Malformed uint64
}

// counters holds the live values behind Stats.
type counters struct {
	received, delivered, foreign, overruns, truncated, malformed atomic.Uint64
}

// Stats returns a snapshot of the connection's counters.
func (z *Connection) Stats() Stats {
	return Stats{
		Received:       z.stats.received.Load(),
		Delivered:      z.stats.delivered.Load(),
		ForeignDropped: z.stats.foreign.Load(),
		Overruns:       z.stats.overruns.Load(),
		Truncated:      z.stats.truncated.Load(),
		Malformed:      z.stats.malformed.Load(),
	}
}
