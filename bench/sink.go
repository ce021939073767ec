package main

import (
	"sync"
	"sync/atomic"
	"time"
)

// sink is where a subscription delivers. It counts IPv4 route
// notifications, does the consumer's work for each (busy-spinning for a
// fixed time, or nothing for a prompt consumer), and records the losses
// the library reports. Its methods may be called from any goroutine.
type sink struct {
	busy  time.Duration
	count atomic.Int64
	last  atomic.Int64 // time.Now().UnixNano() of the last delivery

	mu       sync.Mutex
	losses   int
	lossText string
}

// Route records one delivered IPv4 route notification and does the
// consumer's work for it.
func (s *sink) Route() {
	if s.busy > 0 {
		spin(s.busy)
	}
	s.count.Add(1)
	s.last.Store(time.Now().UnixNano())
}

// Loss records a loss reported by the library (an ENOBUFS error, an
// overrun marker); what describes it.
func (s *sink) Loss(what string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.losses++
	if s.lossText == "" {
		s.lossText = what
	}
}

// reported returns how many losses were reported and the first one's text.
func (s *sink) reported() (int, string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.losses, s.lossText
}

// spin keeps the CPU busy for d, the way a consumer doing real work would.
func spin(d time.Duration) {
	for start := time.Now(); time.Since(start) < d; {
	}
}
