// Command handle prints every IPv4 route change, one line each, until
// Ctrl-C. It receives the kernel's notifications through a callback
// (Connection.Handle), which runs on the connection's reader goroutine.
// Listening needs no privileges.
//
//	go run ./examples/handle
//	add 10.1.0.0/16 via 10.0.0.2 dev eth0 table main
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
	c, err := netlink.New()
	if err != nil {
		log.Fatal(err)
	}
	defer c.Close()

	log.Println("Register alert handler")
	c.Handle(func(m *netlink.Message) {
		switch m.Type {
		case netlink.NLMSG_OVERRUN:
			fmt.Println("the kernel dropped notifications: the routing table must be read again")
		case netlink.RTM_NEWROUTE, netlink.RTM_DELROUTE:
			r, err := netlink.DecodeRoute(m)
			if err != nil {
				log.Printf("undecodable %v: %v", m, err)
				return
			}
			verb := "add"
			if m.Type == netlink.RTM_DELROUTE {
				verb = "del"
			}
			line := verb + " " + r.Format(func(index int) string {
				if ifi, err := net.InterfaceByIndex(index); err == nil {
					return ifi.Name
				}
				return ""
			})
			if r.Table == netlink.RT_TABLE_MAIN {
				line += " table main" // ip leaves it out; a monitor says it
			}
			fmt.Println(line)
		}
	})

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	<-ctx.Done()
}
