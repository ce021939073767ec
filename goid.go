package netlink

import (
	"bytes"
	"runtime"
	"strconv"
)

// goroutineID returns the calling goroutine's id, read from the first
// line of its stack trace ("goroutine 18 [running]:"), or 0 if that line
// cannot be parsed. The connection uses it to recognise calls made from
// its own callbacks, which must not wait for themselves; it is called
// only on those paths, never per message.
func goroutineID() uint64 {
	var buf [64]byte
	b := buf[:runtime.Stack(buf[:], false)]
	b = bytes.TrimPrefix(b, []byte("goroutine "))
	if i := bytes.IndexByte(b, ' '); i > 0 {
		b = b[:i]
	}
	id, err := strconv.ParseUint(string(b), 10, 64)
	if err != nil {
		return 0
	}
	return id
}
