package netlink

// flagName names one bit of a set of flags, or several bits that are
// named together when all are set (NLM_F_DUMP).
type flagName[T ~uint16 | ~uint32] struct {
	bit  T
	name string
}

// appendFlagNames appends to b the names of the bits of f that names
// lists, in its order, with sep before each word when b has grown past
// start. It returns b and the bits of f that no name covered.
func appendFlagNames[T ~uint16 | ~uint32](b []byte, start int, f T, names []flagName[T], sep byte) ([]byte, T) {
	for _, fn := range names {
		if f&fn.bit != fn.bit {
			continue
		}
		if len(b) > start {
			b = append(b, sep)
		}
		b = append(b, fn.name...)
		f &^= fn.bit
	}
	return b, f
}
