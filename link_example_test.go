package netlink_test

import (
	"context"
	"errors"
	"fmt"
	"log"

	"github.com/netlink-go/netlink"
	"golang.org/x/sys/unix"
)

// ListLinks reads every interface, as ip link show does.
func ExampleConnection_ListLinks() {
	c, err := netlink.New()
	if err != nil {
		log.Fatal(err)
	}
	defer c.Close()
	links, err := c.ListLinks(context.Background())
	if err != nil {
		log.Fatal(err)
	}
	for _, l := range links {
		// 1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN mode DEFAULT group default qlen 1000
		fmt.Println(l)
		fmt.Println("   ", l.Kind, l.HardwareAddr, l.Stats64.RxBytes, l.Stats64.TxBytes)
	}
}

// AddLink creates a bridge and a veth pair, then makes one end of the pair
// a port of the bridge and brings it up; it needs CAP_NET_ADMIN.
func ExampleConnection_AddLink() {
	c, err := netlink.New()
	if err != nil {
		log.Fatal(err)
	}
	defer c.Close()
	ctx := context.Background()
	if err := c.AddLink(ctx, &netlink.Link{Name: "br0", Kind: "bridge"}); err != nil {
		log.Fatal(err)
	}
	veth := &netlink.Link{Name: "veth0", Kind: "veth", Peer: &netlink.Link{Name: "veth1"}}
	if err := c.AddLink(ctx, veth); errors.Is(err, unix.EEXIST) {
		log.Print("veth0 exists already")
	} else if err != nil {
		log.Fatal(err)
	}
	br, err := c.GetLinkByName(ctx, "br0")
	if err != nil {
		log.Fatal(err)
	}
	port, err := c.GetLinkByName(ctx, "veth0")
	if err != nil {
		log.Fatal(err)
	}
	if err := c.SetLinkMaster(ctx, port.Index, br.Index); err != nil {
		log.Fatal(err)
	}
	for _, index := range []int{br.Index, port.Index} {
		if err := c.SetLinkUp(ctx, index); err != nil {
			log.Fatal(err)
		}
	}
}

// DecodeLink turns link notifications (RTMGRP_LINK) into Links.
func ExampleDecodeLink() {
	c, err := netlink.NewWithOpts(&netlink.ConnectionOptions{Family: netlink.NETLINK_ROUTE, Groups: netlink.RTMGRP_LINK})
	if err != nil {
		log.Fatal(err)
	}
	defer c.Close()
	ch := make(chan *netlink.Message, 100)
	c.Notify(ch)
	for m := range ch {
		switch m.Type {
		case netlink.RTM_NEWLINK, netlink.RTM_DELLINK:
			l, err := netlink.DecodeLink(m)
			if err != nil {
				log.Print(err)
				continue
			}
			fmt.Println(netlink.MessageTypeString(m.Type), l.Name, l.OperState, l.Flags)
		case netlink.NLMSG_OVERRUN:
			log.Print("notifications lost: list the links again")
		}
	}
}
