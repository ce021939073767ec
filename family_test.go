//go:build linux

package netlink

import (
	"testing"

	"golang.org/x/sys/unix"
)

func TestAddressFamiliesMatchUnix(t *testing.T) {
	for name, pair := range map[string][2]int{
		"AF_UNSPEC": {AF_UNSPEC, unix.AF_UNSPEC},
		"AF_INET":   {AF_INET, unix.AF_INET},
		"AF_BRIDGE": {AF_BRIDGE, unix.AF_BRIDGE},
		"AF_INET6":  {AF_INET6, unix.AF_INET6},
		"AF_MPLS":   {AF_MPLS, unix.AF_MPLS},
	} {
		if pair[0] != pair[1] {
			t.Errorf("%s = %d, unix has %d", name, pair[0], pair[1])
		}
	}
}
