//go:build linux

package netlink

import (
	"context"
	"testing"
)

// dumpBenchRoutes is the size of the table the dump benchmarks read.
const dumpBenchRoutes = 20_000

// benchDumpConn returns a connection to a namespace holding
// dumpBenchRoutes /32 routes in the main table.
func benchDumpConn(b *testing.B) *Connection {
	ns := newTestNS(b)
	fillRoutes(ns, 100, dumpBenchRoutes)
	return ns.dial(0)
}

// mainIPv4 selects the IPv4 routes of the main table.
var mainIPv4 = RouteFilter{Family: afInet, Table: RT_TABLE_MAIN}

func BenchmarkListRoutes(b *testing.B) {
	c := benchDumpConn(b)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		routes, err := c.ListRoutes(context.Background(), mainIPv4)
		if err != nil || len(routes) < dumpBenchRoutes {
			b.Fatalf("%d routes, %v", len(routes), err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*dumpBenchRoutes), "ns/route")
}

func BenchmarkRangeRoutes(b *testing.B) {
	c := benchDumpConn(b)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		n := 0
		err := c.RangeRoutes(context.Background(), mainIPv4, func(*Route) bool { n++; return true })
		if err != nil || n < dumpBenchRoutes {
			b.Fatalf("%d routes, %v", n, err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*dumpBenchRoutes), "ns/route")
}
