// Package natstest starts an embedded NATS server with JetStream for tests:
// `go test ./...` needs nothing installed beyond Go.
package natstest

import (
	"net"
	"testing"
	"time"

	"github.com/nats-io/nats-server/v2/server"
)

// Start runs a JetStream-enabled server on a free port with its store in a
// temporary directory; it is shut down when the test ends.
func Start(t testing.TB) *server.Server {
	t.Helper()
	return StartOnPort(t, server.RANDOM_PORT)
}

// StartOnPort is Start on a given port (to start a server late on a URL a
// client already retries).
func StartOnPort(t testing.TB, port int) *server.Server {
	t.Helper()
	return StartWith(t, func(o *server.Options) { o.Port = port })
}

// StartWith is Start with options changed by configure (e.g. a user and password).
func StartWith(t testing.TB, configure func(*server.Options)) *server.Server {
	t.Helper()
	opts := &server.Options{
		Host:      "127.0.0.1",
		Port:      server.RANDOM_PORT,
		JetStream: true,
		StoreDir:  t.TempDir(),
		NoLog:     true,
		NoSigs:    true,
	}
	configure(opts)
	s, err := server.NewServer(opts)
	if err != nil {
		t.Fatalf("embedded NATS: %v", err)
	}
	go s.Start()
	if !s.ReadyForConnections(10 * time.Second) {
		t.Fatal("embedded NATS did not start")
	}
	t.Cleanup(func() {
		s.Shutdown()
		s.WaitForShutdown()
	})
	return s
}

// FreePort returns a TCP port nothing listens on right now.
func FreePort(t testing.TB) int {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}
