package main

import (
	"encoding/binary"
	"errors"
	"fmt"

	"golang.org/x/sys/unix"
)

// bare is the floor: a raw netlink socket driven with x/sys/unix that
// only walks message headers and decodes nothing.
type bare struct{}

func init() { register(bare{}) }

func (bare) Key() string   { return "bare" }
func (bare) Label() string { return "bare x/sys/unix loop" }

// bareBufSize is the receive buffer of the bare loop: 32 KiB, the most
// the kernel puts in one dump datagram.
const bareBufSize = 32 << 10

// openRoute opens a NETLINK_ROUTE socket bound to groups.
func openRoute(groups uint32) (int, error) {
	fd, err := unix.Socket(unix.AF_NETLINK, unix.SOCK_RAW|unix.SOCK_CLOEXEC, unix.NETLINK_ROUTE)
	if err != nil {
		return -1, fmt.Errorf("socket: %w", err)
	}
	if err := unix.Bind(fd, &unix.SockaddrNetlink{Family: unix.AF_NETLINK, Groups: groups}); err != nil {
		unix.Close(fd)
		return -1, fmt.Errorf("bind: %w", err)
	}
	return fd, nil
}

// bareDumper dumps over one socket opened up front.
type bareDumper struct {
	fd  int
	seq uint32
}

func (bare) OpenDumper() (dumper, error) {
	fd, err := openRoute(0)
	if err != nil {
		return nil, err
	}
	return &bareDumper{fd: fd}, nil
}

func (d *bareDumper) Close() error { return unix.Close(d.fd) }

// Dump sends an RTM_GETROUTE dump for AF_INET and counts the RTM_NEWROUTE
// messages of the main table until NLMSG_DONE.
func (d *bareDumper) Dump() (int, error) {
	d.seq++
	req := make([]byte, unix.NLMSG_HDRLEN+unix.SizeofRtMsg)
	ne := binary.NativeEndian
	ne.PutUint32(req[0:4], uint32(len(req)))
	ne.PutUint16(req[4:6], unix.RTM_GETROUTE)
	ne.PutUint16(req[6:8], unix.NLM_F_REQUEST|unix.NLM_F_DUMP)
	ne.PutUint32(req[8:12], d.seq)
	req[unix.NLMSG_HDRLEN] = unix.AF_INET // rtm_family
	if err := unix.Sendto(d.fd, req, 0, &unix.SockaddrNetlink{Family: unix.AF_NETLINK}); err != nil {
		return 0, fmt.Errorf("sendto: %w", err)
	}
	buf := make([]byte, bareBufSize)
	count := 0
	for {
		n, _, err := unix.Recvfrom(d.fd, buf, 0)
		if err != nil {
			return count, fmt.Errorf("recvfrom: %w", err)
		}
		for b := buf[:n]; len(b) >= unix.NLMSG_HDRLEN; {
			l := int(ne.Uint32(b[0:4]))
			if l < unix.NLMSG_HDRLEN || l > len(b) {
				return count, errors.New("bare: malformed message")
			}
			switch ne.Uint16(b[4:6]) {
			case unix.NLMSG_DONE:
				return count, nil
			case unix.NLMSG_ERROR:
				if l >= unix.NLMSG_HDRLEN+4 {
					if e := int32(ne.Uint32(b[16:20])); e != 0 {
						return count, fmt.Errorf("dump: %w", unix.Errno(-e))
					}
				}
			case unix.RTM_NEWROUTE:
				// rtm_table is byte 4 of struct rtmsg.
				if l > unix.NLMSG_HDRLEN+4 && b[unix.NLMSG_HDRLEN+4] == unix.RT_TABLE_MAIN {
					count++
				}
			}
			b = b[min((l+3)&^3, len(b)):]
		}
	}
}

// bareSub is a socket bound to RTMGRP_IPV4_ROUTE with the kernel's
// default receive buffer.
type bareSub struct{ fd int }

func (bare) Subscribe() (subscription, error) {
	fd, err := openRoute(unix.RTMGRP_IPV4_ROUTE)
	if err != nil {
		return nil, err
	}
	return bareSub{fd: fd}, nil
}

// Run reads datagrams into a 32 KiB buffer and walks their headers. An
// ENOBUFS from recvfrom is a reported loss; reading goes on.
func (b bareSub) Run(s *sink) error {
	buf := make([]byte, bareBufSize)
	ne := binary.NativeEndian
	for {
		n, _, err := unix.Recvfrom(b.fd, buf, 0)
		if errors.Is(err, unix.ENOBUFS) {
			s.Loss("recvfrom: ENOBUFS")
			continue
		}
		if errors.Is(err, unix.EINTR) {
			continue
		}
		if err != nil {
			return fmt.Errorf("recvfrom: %w", err)
		}
		for m := buf[:n]; len(m) >= unix.NLMSG_HDRLEN; {
			l := int(ne.Uint32(m[0:4]))
			if l < unix.NLMSG_HDRLEN || l > len(m) {
				return errors.New("bare: malformed message")
			}
			if ne.Uint16(m[4:6]) == unix.RTM_NEWROUTE && l > unix.NLMSG_HDRLEN && m[unix.NLMSG_HDRLEN] == unix.AF_INET {
				s.Route()
			}
			m = m[min((l+3)&^3, len(m)):]
		}
	}
}
