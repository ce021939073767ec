//go:build !linux

package netlink

import (
	"fmt"
	"os"
	"syscall"
)

// errUnsupported is returned by every socket operation off Linux.
var errUnsupported = fmt.Errorf("netlink: not supported on this operating system: %w", syscall.ENOTSUP)

// socket is the Linux netlink socket; elsewhere it cannot be opened.
type socket struct {
	f    *os.File
	port uint32
}

// socketConfig mirrors the Linux socket settings.
type socketConfig struct {
	family     int
	groups     uint32
	join       []uint32
	rcvbuf     int
	connect    bool
	extAck     bool
	strictDump bool
}

func openSocket(socketConfig) (*socket, error)               { return nil, errUnsupported }
func (s *socket) receiveBuffer() (int, error)                { return 0, errUnsupported }
func (s *socket) peek() (int, uint32, error)                 { return 0, 0, errUnsupported }
func (s *socket) read([]byte) (int, error)                   { return 0, errUnsupported }
func (s *socket) write([]byte) error                         { return errUnsupported }
func (s *socket) close() error                               { return nil }
func (s *socket) receive(buf []byte) ([]byte, []byte, error) { return buf, nil, errUnsupported }
func (s *socket) recv([]byte, bool) (int, uint32, error)     { return 0, 0, errUnsupported }
func (s *socket) queued() bool                               { return false }

// netNS stands for a network namespace, which only Linux has.
type netNS struct{}

func openNetNS(ns string) (netNS, error) {
	if ns != "" {
		return netNS{}, errUnsupported
	}
	return netNS{}, nil
}
func (n *netNS) close()                    {}
func (n *netNS) run(fn func() error) error { return fn() }
