package netlink_test

import (
	"context"
	"encoding/binary"
	"fmt"
	"log"

	"github.com/netlink-go/netlink"
)

// New binds to the IPv4 route group; listening needs no privileges.
func ExampleNew() {
	c, err := netlink.New()
	if err != nil {
		log.Fatal(err)
	}
	defer c.Close()
	fmt.Println("listening on port", c.Port())
}

// NewWithOpts picks the groups: here IPv4 and IPv6 routes and links.
func ExampleNewWithOpts() {
	c, err := netlink.NewWithOpts(&netlink.ConnectionOptions{
		Family: netlink.NETLINK_ROUTE,
		Groups: netlink.RTMGRP_IPV4_ROUTE | netlink.RTMGRP_IPV6_ROUTE | netlink.RTMGRP_LINK,
	})
	if err != nil {
		log.Fatal(err)
	}
	defer c.Close()
}

// Notify delivers every message to a channel until Close closes it. A
// message of type NLMSG_OVERRUN says the kernel dropped notifications:
// whatever the program keeps must then be read again.
func ExampleConnection_Notify() {
	c, err := netlink.New()
	if err != nil {
		log.Fatal(err)
	}
	defer c.Close()

	notifyChan := make(chan *netlink.Message, 100)
	c.Notify(notifyChan)
	for msg := range notifyChan {
		switch msg.Type {
		case netlink.RTM_NEWROUTE, netlink.RTM_DELROUTE:
			r, err := netlink.DecodeRoute(msg)
			if err != nil {
				log.Print(err)
				continue
			}
			fmt.Println(msg.Type == netlink.RTM_NEWROUTE, r)
		case netlink.NLMSG_OVERRUN:
			log.Print("notifications lost: re-read the routing table")
		}
	}
}

// Handle calls a function for every message, on the reader goroutine.
func ExampleConnection_Handle() {
	c, err := netlink.New()
	if err != nil {
		log.Fatal(err)
	}
	defer c.Close()
	c.Handle(func(m *netlink.Message) {
		fmt.Println(m.Header)
	})
}

// SendMessage sends a request; the replies come through the same stream,
// with the Seq that SendMessage wrote back into the message.
func ExampleConnection_SendMessage() {
	c, err := netlink.NewWithOpts(&netlink.ConnectionOptions{Family: netlink.NETLINK_ROUTE})
	if err != nil {
		log.Fatal(err)
	}
	defer c.Close()
	replies := make(chan *netlink.Message, 64)
	c.Notify(replies)

	// Dump IPv4 routes: struct rtmsg with rtm_family = AF_INET (2).
	req := &netlink.Message{
		Header: netlink.Header{Type: netlink.RTM_GETROUTE, Flags: netlink.NLM_F_DUMP},
		Data:   []byte{2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0},
	}
	if err := c.SendMessage(req); err != nil {
		log.Fatal(err)
	}
	for m := range replies {
		if m.Seq != req.Seq {
			continue
		}
		if m.Type == netlink.NLMSG_DONE || m.Type == netlink.NLMSG_ERROR {
			break
		}
		fmt.Println(m.Header)
	}
}

// Execute is the synchronous form: it returns the replies, or the
// kernel's error.
func ExampleConnection_Execute() {
	c, err := netlink.NewWithOpts(&netlink.ConnectionOptions{Family: netlink.NETLINK_ROUTE})
	if err != nil {
		log.Fatal(err)
	}
	defer c.Close()
	msgs, err := c.Execute(context.Background(), &netlink.Message{
		Header: netlink.Header{Type: netlink.RTM_GETLINK, Flags: netlink.NLM_F_DUMP},
		Data:   make([]byte, 16), // struct ifinfomsg
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(len(msgs) > 0)
}

// DecodeMessge decodes the first message of a buffer.
func ExampleDecodeMessge() {
	b := make([]byte, 20)
	binary.NativeEndian.PutUint32(b[0:], 20)                       // Length
	binary.NativeEndian.PutUint16(b[4:], netlink.NLMSG_ERROR)      // Type
	binary.NativeEndian.PutUint16(b[6:], 0)                        // Flags
	binary.NativeEndian.PutUint32(b[8:], 7)                        // Seq
	binary.NativeEndian.PutUint32(b[12:], 0)                       // Pid
	binary.NativeEndian.PutUint32(b[16:], uint32(0xffffffff-17+1)) // error -17

	m, err := netlink.DecodeMessge(b)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(m.Type == netlink.NLMSG_ERROR, m.Seq, len(m.Data))
	fmt.Println(m)
	// Output:
	// true 7 4
	// NLMSG_ERROR flags=0 seq=7 pid=0 len=20 data=4B error="netlink: kernel error: file exists"
}
