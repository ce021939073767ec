// Command notify prints every IPv4 route change, one line each, until
// Ctrl-C. It receives the kernel's notifications on a channel
// (Connection.Notify). Listening needs no privileges.
//
//	go run ./examples/notify
//	add 10.1.0.0/16 via 10.0.0.2 dev eth0 table main
//	add 10.2.0.0/16 via 10.0.0.2 dev eth0 table 100 proto static
//	del 10.1.0.0/16 via 10.0.0.2 dev eth0 table main
package main

import (
	"context"
	"fmt"
	"log"
	"net"
	"os"
	"os/signal"
	"syscall"

	"github.com/netlink-go/netlink"
)

func main() {
	c, err := netlink.New() // IPv4 route notifications (RTMGRP_IPV4_ROUTE)
	if err != nil {
		log.Fatal(err)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	go func() {
		<-ctx.Done()
		c.Close() // ends the range below
	}()

	log.Println("Register alert handler")
	notifyChan := make(chan *netlink.Message, 100)
	c.Notify(notifyChan)
	for msg := range notifyChan {
		if line := describe(msg); line != "" {
			fmt.Println(line)
		}
	}
	if err := c.Err(); err != nil {
		log.Fatal(err)
	}
}

// describe returns one line for a route change, or "" for other messages.
func describe(m *netlink.Message) string {
	switch m.Type {
	case netlink.NLMSG_OVERRUN:
		return "the kernel dropped notifications: the routing table must be read again"
	case netlink.RTM_NEWROUTE, netlink.RTM_DELROUTE:
		r, err := netlink.DecodeRoute(m)
		if err != nil {
			return fmt.Sprintf("undecodable %v: %v", m, err)
		}
		verb := "add"
		if m.Type == netlink.RTM_DELROUTE {
			verb = "del"
		}
		line := verb + " " + r.Format(ifName)
		if r.Table == netlink.RT_TABLE_MAIN {
			line += " table main" // ip leaves it out; a monitor says it
		}
		return line
	}
	return ""
}

// ifName returns the name of the interface with the given index, or ""
// when it no longer exists.
func ifName(index int) string {
	ifi, err := net.InterfaceByIndex(index)
	if err != nil {
		return ""
	}
	return ifi.Name
}
