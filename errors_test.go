package netlink

import (
	"errors"
	"fmt"
	"io/fs"
	"net"
	"os"
	"strings"
	"testing"

	"golang.org/x/sys/unix"
)

func TestErrorSentinels(t *testing.T) {
	sentinels := []struct {
		name string
		err  error
	}{
		{"ErrClosed", ErrClosed},
		{"ErrMalformed", ErrMalformed},
		{"ErrDumpInterrupted", ErrDumpInterrupted},
		{"ErrOverrun", ErrOverrun},
		{"ErrInvalidOptions", ErrInvalidOptions},
	}
	for _, s := range sentinels {
		t.Run(s.name, func(t *testing.T) {
			if s.err == nil || s.err.Error() == "" {
				t.Fatalf("%s is nil or has no text", s.name)
			}
			if !strings.HasPrefix(s.err.Error(), "netlink") {
				t.Errorf("%s text %q does not name the package", s.name, s.err)
			}
			// Distinct from every other sentinel.
			for _, o := range sentinels {
				if o.name != s.name && errors.Is(s.err, o.err) {
					t.Errorf("errors.Is(%s, %s) = true", s.name, o.name)
				}
			}
			// Still matched once wrapped with detail.
			wrapped := fmt.Errorf("netlink: dump routes: %w", s.err)
			if !errors.Is(wrapped, s.err) {
				t.Errorf("wrapped %s not matched", s.name)
			}
		})
	}
}

func TestErrorSentinelChains(t *testing.T) {
	tests := []struct {
		name   string
		err    error
		target error
		want   bool
	}{
		{"ErrClosed is net.ErrClosed", ErrClosed, net.ErrClosed, true},
		{"wrapped ErrClosed is net.ErrClosed", fmt.Errorf("op: %w", ErrClosed), net.ErrClosed, true},
		{"ErrClosed is not fs.ErrClosed", ErrClosed, fs.ErrClosed, false},
		{"ErrOverrun is ENOBUFS", ErrOverrun, unix.ENOBUFS, true},
		{"wrapped ErrOverrun is ENOBUFS", fmt.Errorf("read: %w", ErrOverrun), unix.ENOBUFS, true},
		{"ErrOverrun is not ENOMEM", ErrOverrun, unix.ENOMEM, false},
		{"ErrMalformed is not net.ErrClosed", ErrMalformed, net.ErrClosed, false},
		{"ErrMalformed is not ENOBUFS", ErrMalformed, unix.ENOBUFS, false},
		{"ErrDumpInterrupted is not ENOBUFS", ErrDumpInterrupted, unix.ENOBUFS, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := errors.Is(tt.err, tt.target); got != tt.want {
				t.Errorf("errors.Is(%v, %v) = %v, want %v", tt.err, tt.target, got, tt.want)
			}
		})
	}

	var errno unix.Errno
	if !errors.As(ErrOverrun, &errno) || errno != unix.ENOBUFS {
		t.Errorf("errors.As(ErrOverrun, *Errno) = %v, want ENOBUFS", errno)
	}
}

func TestErrorType(t *testing.T) {
	tests := []struct {
		name    string
		err     *Error
		is      []error // errors.Is must match these
		isNot   []error // and not these
		want    []string
		wantNot []string
	}{
		{
			name:  "plain EEXIST",
			err:   &Error{Errno: unix.EEXIST},
			is:    []error{unix.EEXIST, os.ErrExist, fs.ErrExist},
			isNot: []error{unix.ENOENT, ErrMalformed, os.ErrNotExist},
			want:  []string{"netlink", unix.EEXIST.Error()},
			// No dangling separator or offset without extended ack.
			wantNot: []string{"offset", ": :"},
		},
		{
			name:  "ENOENT",
			err:   &Error{Errno: unix.ENOENT},
			is:    []error{unix.ENOENT, os.ErrNotExist},
			isNot: []error{unix.EEXIST},
			want:  []string{unix.ENOENT.Error()},
		},
		{
			name:  "EPERM",
			err:   &Error{Errno: unix.EPERM},
			is:    []error{unix.EPERM, os.ErrPermission},
			isNot: []error{unix.EACCES},
			want:  []string{unix.EPERM.Error()},
		},
		{
			name:  "extended ack",
			err:   &Error{Errno: unix.EINVAL, Message: "Invalid prefix for given prefix length", Offset: 28},
			is:    []error{unix.EINVAL},
			isNot: []error{unix.EEXIST},
			want:  []string{unix.EINVAL.Error(), "Invalid prefix for given prefix length", "28"},
		},
		{
			name: "extended ack text only",
			err:  &Error{Errno: unix.ENODEV, Message: "Device not found"},
			is:   []error{unix.ENODEV},
			want: []string{unix.ENODEV.Error(), "Device not found"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var err error = tt.err
			for _, e := range []error{err, fmt.Errorf("add route: %w", err)} {
				for _, target := range tt.is {
					if !errors.Is(e, target) {
						t.Errorf("errors.Is(%v, %v) = false", e, target)
					}
				}
				for _, target := range tt.isNot {
					if errors.Is(e, target) {
						t.Errorf("errors.Is(%v, %v) = true", e, target)
					}
				}
				var errno unix.Errno
				if !errors.As(e, &errno) || errno != tt.err.Errno {
					t.Errorf("errors.As(%v, *Errno) gives %v, want %v", e, errno, tt.err.Errno)
				}
				var ke *Error
				if !errors.As(e, &ke) || ke != tt.err {
					t.Errorf("errors.As(%v, **Error) failed", e)
				}
			}
			if got := errors.Unwrap(err); got != tt.err.Errno {
				t.Errorf("Unwrap() = %v, want %v", got, tt.err.Errno)
			}
			s := err.Error()
			for _, w := range tt.want {
				if !strings.Contains(s, w) {
					t.Errorf("Error() = %q, missing %q", s, w)
				}
			}
			for _, w := range tt.wantNot {
				if strings.Contains(s, w) {
					t.Errorf("Error() = %q, should not contain %q", s, w)
				}
			}
		})
	}
}

// TestErrorFromKernelReply checks the error decoded from a kernel reply
// end to end: matched by errno, text and offset of the extended ack in
// its message.
func TestErrorFromKernelReply(t *testing.T) {
	m, err := DecodeMessge(wireErrorMsg())
	if err != nil {
		t.Fatal(err)
	}
	kerr := decodeErrorPayload(m.Header, m.Data)
	if !errors.Is(kerr, unix.EINVAL) {
		t.Fatalf("error %v is not EINVAL", kerr)
	}
	var ke *Error
	if !errors.As(kerr, &ke) {
		t.Fatalf("%T is not *Error", kerr)
	}
	if ke.Message != "Invalid prefix for given prefix length" || ke.Offset != 28 {
		t.Errorf("Message %q Offset %d", ke.Message, ke.Offset)
	}
	for _, w := range []string{"Invalid prefix for given prefix length", unix.EINVAL.Error(), "28"} {
		if !strings.Contains(kerr.Error(), w) {
			t.Errorf("Error() = %q, missing %q", kerr.Error(), w)
		}
	}
	if ke.Request.Seq != 7 || ke.Request.Type != RTM_NEWROUTE {
		t.Errorf("Request = %+v, want the echoed RTM_NEWROUTE seq 7", ke.Request)
	}
}
