package natsbus_test

import (
	"context"
	"fmt"
	"sync/atomic"
	"testing"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"example.com/shop/platform/event"
	"example.com/shop/platform/messaging"
	"example.com/shop/platform/messaging/natsbus"
	"example.com/shop/platform/natstest"
)

func connect(t *testing.T, url string) *natsbus.Bus {
	t.Helper()
	b, err := natsbus.Connect(natsbus.Config{
		URL:        url,
		Backoff:    []time.Duration{50 * time.Millisecond, 100 * time.Millisecond},
		MaxDeliver: 3,
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = b.Close() })
	return b
}

func ctxFor(t *testing.T) context.Context {
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	t.Cleanup(cancel)
	return ctx
}

// waitFor polls cond until it holds or the test's deadline passes.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// received waits for ch to close, so a handler that is never called fails the
// test with what was expected instead of hanging until go test's -timeout.
func received(t *testing.T, ch <-chan struct{}, what string) {
	t.Helper()
	select {
	case <-ch:
	case <-time.After(10 * time.Second):
		t.Fatalf("timed out after 10s waiting for %s", what)
	}
}

func streamMsgs(t *testing.T, ctx context.Context, js jetstream.JetStream, name string) uint64 {
	t.Helper()
	s, err := js.Stream(ctx, name)
	if err != nil {
		t.Fatal(err)
	}
	info, err := s.Info(ctx)
	if err != nil {
		t.Fatal(err)
	}
	return info.State.Msgs
}

func TestPublishDeduplicatesByMessageID(t *testing.T) {
	srv := natstest.Start(t)
	b := connect(t, srv.ClientURL())
	ctx := ctxFor(t)
	e, _ := event.New("order.created", "/test", "o1", map[string]string{"orderId": "o1"})
	for range 2 {
		if err := b.Publish(ctx, e); err != nil {
			t.Fatal(err)
		}
	}
	if n := streamMsgs(t, ctx, b.JetStream(), "ORDERS"); n != 1 {
		t.Fatalf("ORDERS holds %d messages after publishing one event twice; want 1 (Nats-Msg-Id de-dup)", n)
	}
}

func TestFailingEventIsRedeliveredThenDeadLettered(t *testing.T) {
	srv := natstest.Start(t)
	b := connect(t, srv.ClientURL())
	ctx := ctxFor(t)
	var calls atomic.Int32
	stop, err := b.Subscribe(ctx, messaging.Subscription{Name: "flaky", EventTypes: []string{"order.created"}},
		func(context.Context, event.Envelope) error {
			calls.Add(1)
			return context.DeadlineExceeded // a transient failure, every time
		})
	if err != nil {
		t.Fatal(err)
	}
	defer stop()
	e, _ := event.New("order.created", "/test", "o1", map[string]string{"orderId": "o1"})
	if err := b.Publish(ctx, e); err != nil {
		t.Fatal(err)
	}
	waitFor(t, "the dead letter after MaxDeliver=3 failed deliveries (handle.go: NakWithDelay a failure, then b.deadLetter and Term on the last try)", func() bool { return streamMsgs(t, ctx, b.JetStream(), "DEADLETTER") == 1 })
	if got := calls.Load(); got != 3 {
		t.Fatalf("handle.go: the handler ran %d times; want MaxDeliver=3 deliveries before the dead letter", got)
	}
	dlq, err := b.JetStream().Stream(ctx, "DEADLETTER")
	if err != nil {
		t.Fatal(err)
	}
	msg, err := dlq.GetLastMsgForSubject(ctx, "dlq.flaky")
	if err != nil {
		t.Fatal(err)
	}
	if msg.Header.Get("Edgo-Original-Subject") != "order.created" || msg.Header.Get("Edgo-Deliveries") != "3" {
		t.Fatalf("handle.go: dead letter headers %v; want b.deadLetter's Edgo-Original-Subject and Edgo-Deliveries 3", msg.Header)
	}
}

func TestTransientFailureIsRetried(t *testing.T) {
	srv := natstest.Start(t)
	b := connect(t, srv.ClientURL())
	ctx := ctxFor(t)
	var calls, ok atomic.Int32
	stop, err := b.Subscribe(ctx, messaging.Subscription{Name: "retry", EventTypes: []string{"order.created"}},
		func(context.Context, event.Envelope) error {
			if calls.Add(1) == 1 {
				return context.DeadlineExceeded
			}
			ok.Add(1)
			return nil
		})
	if err != nil {
		t.Fatal(err)
	}
	defer stop()
	e, _ := event.New("order.created", "/test", "o1", map[string]string{"orderId": "o1"})
	if err := b.Publish(ctx, e); err != nil {
		t.Fatal(err)
	}
	waitFor(t, "the retry (handle.go: Ack only after the handler succeeded, NakWithDelay when it failed)", func() bool { return ok.Load() == 1 })
	if n := streamMsgs(t, ctx, b.JetStream(), "DEADLETTER"); n != 0 {
		t.Fatalf("handle.go: %d dead letters for an event that succeeded on retry", n)
	}
}

func TestReadyOnlyOnceConnected(t *testing.T) {
	port := natstest.FreePort(t)
	b := connect(t, fmt.Sprintf("nats://127.0.0.1:%d", port))
	if b.Ready() == nil {
		t.Fatal("Ready() is nil with no server running")
	}
	natstest.StartOnPort(t, port)
	waitFor(t, "readiness after the server starts", func() bool { return b.Ready() == nil })
}
