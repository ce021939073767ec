package netlink

import "encoding/binary"

// payloadBlock is the size of the blocks payloads keeps bytes in.
const payloadBlock = 256 << 10

// payloads keeps copies of message payloads of a dump, each behind its
// length, in blocks that are filled and never regrown, so that keeping n
// bytes touches about n bytes of fresh memory.
type payloads struct {
	blocks [][]byte
	n      int // payloads added
}

// add keeps a copy of data.
func (p *payloads) add(data []byte) {
	need := 4 + len(data)
	last := len(p.blocks) - 1
	if last < 0 || cap(p.blocks[last])-len(p.blocks[last]) < need {
		p.blocks = append(p.blocks, make([]byte, 0, max(payloadBlock, need)))
		last++
	}
	b := binary.NativeEndian.AppendUint32(p.blocks[last], uint32(len(data)))
	p.blocks[last] = append(b, data...)
	p.n++
}

// each calls fn with every payload kept, in order, until fn fails.
func (p *payloads) each(fn func([]byte) error) error {
	for _, b := range p.blocks {
		for len(b) > 0 {
			size := int(binary.NativeEndian.Uint32(b))
			if err := fn(b[4 : 4+size]); err != nil {
				return err
			}
			b = b[4+size:]
		}
	}
	return nil
}
