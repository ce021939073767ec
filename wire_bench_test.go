package netlink

import (
	"testing"
)

// benchDatagram returns a datagram of n route notifications as the
// kernel sends them in a dump.
func benchDatagram(n int) []byte {
	var b []byte
	for i := 0; i < n; i++ {
		ae := NewAttributeEncoder(make([]byte, rtmsgLen, 64))
		ae.Uint32(RTA_TABLE, RT_TABLE_MAIN)
		ae.Attr(RTA_DST, []byte{10, 1, byte(i >> 8), byte(i)})
		ae.Uint32(RTA_OIF, 2)
		m := Message{Header: Header{Type: RTM_NEWROUTE, Flags: NLM_F_MULTI, Seq: 7}, Data: ae.Bytes()}
		b = m.appendTo(b)
	}
	return b
}

func BenchmarkDecodeHeader(b *testing.B) {
	d := benchDatagram(1)
	b.ReportAllocs()
	var sum uint32
	for b.Loop() {
		h, _, _, err := nextMessage(d)
		if err != nil {
			b.Fatal(err)
		}
		sum += h.Seq
	}
	_ = sum
}

func BenchmarkDecodeMessge(b *testing.B) {
	d := benchDatagram(1)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := DecodeMessge(d); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkDecodeMessages(b *testing.B) {
	d := benchDatagram(200) // about what a 32 KiB dump datagram holds
	b.ReportAllocs()
	b.SetBytes(int64(len(d)))
	for b.Loop() {
		if _, err := DecodeMessages(d); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkAttributeIteration(b *testing.B) {
	ae := NewAttributeEncoder(nil)
	for i := uint16(1); i <= 10; i++ {
		ae.Uint32(i, uint32(i))
	}
	attrs := ae.Bytes()
	b.ReportAllocs()
	var sum uint32
	for b.Loop() {
		ad := NewAttributeDecoder(attrs)
		for ad.Next() {
			sum += ad.Uint32()
		}
		if ad.Err() != nil {
			b.Fatal(ad.Err())
		}
	}
	_ = sum
}

func BenchmarkMessageEncode(b *testing.B) {
	m := Message{Header: Header{Type: RTM_GETROUTE, Flags: NLM_F_REQUEST | NLM_F_DUMP, Seq: 1}, Data: make([]byte, rtmsgLen)}
	buf := make([]byte, 0, 64)
	b.ReportAllocs()
	for b.Loop() {
		buf = m.appendTo(buf[:0])
	}
}

func BenchmarkMessageMarshalBinary(b *testing.B) {
	m := Message{Header: Header{Type: RTM_GETROUTE, Flags: NLM_F_REQUEST | NLM_F_DUMP, Seq: 1}, Data: make([]byte, rtmsgLen)}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := m.MarshalBinary(); err != nil {
			b.Fatal(err)
		}
	}
}

// TestWireAllocs pins the allocation counts the benchmarks show: the
// header path and attribute iteration allocate nothing.
func TestWireAllocs(t *testing.T) {
	d := benchDatagram(3)
	ae := NewAttributeEncoder(nil)
	ae.Uint32(1, 1)
	ae.String(2, "veth0")
	attrs := ae.Bytes()
	m := Message{Header: Header{Type: RTM_GETROUTE}, Data: make([]byte, rtmsgLen)}
	buf := make([]byte, 0, 64)
	tests := []struct {
		name string
		max  float64
		fn   func()
	}{
		{"header of every message", 0, func() {
			_ = forEachMessage(d, func(Header, []byte) bool { return true })
		}},
		{"attribute iteration", 0, func() {
			ad := NewAttributeDecoder(attrs)
			for ad.Next() {
			}
		}},
		{"message encode into a buffer", 0, func() { buf = m.appendTo(buf[:0]) }},
		{"DecodeMessge", 2, func() { _, _ = DecodeMessge(d) }},
	}
	for _, tt := range tests {
		if n := testing.AllocsPerRun(100, tt.fn); n > tt.max {
			t.Errorf("%s: %v allocations, want at most %v", tt.name, n, tt.max)
		}
	}
}
