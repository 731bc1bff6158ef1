package natsbus_test

import (
	"context"
	"errors"
	"sync/atomic"
	"testing"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"example.com/shop/platform/event"
	"example.com/shop/platform/messaging"
	"example.com/shop/platform/messaging/natsbus"
	"example.com/shop/platform/natstest"
)

// A dead letter that cannot be published must not cost the event: it is
// redelivered until the dead-letter stream takes it.
func TestDeadLetterPublishFailureRedeliversTheEvent(t *testing.T) {
	srv := natstest.Start(t)
	ctx := ctxFor(t)
	// No DEADLETTER stream yet: publishing to dlq.> finds no stream and fails.
	b, err := natsbus.Connect(natsbus.Config{
		URL:        srv.ClientURL(),
		Streams:    []natsbus.StreamSpec{{Name: "ORDERS", Subjects: []string{"order.>"}}},
		Backoff:    []time.Duration{50 * time.Millisecond},
		MaxDeliver: 3,
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = b.Close() })
	var calls atomic.Int32
	stop, err := b.Subscribe(ctx, messaging.Subscription{Name: "poison", EventTypes: []string{"order.created"}},
		func(context.Context, event.Envelope) error {
			calls.Add(1)
			return messaging.Permanent(errors.New("no such product"))
		})
	if err != nil {
		t.Fatal(err)
	}
	defer stop()
	e, _ := event.New("order.created", "/test", "o1", map[string]string{"orderId": "o1"})
	if err := b.Publish(ctx, e); err != nil {
		t.Fatal(err)
	}
	// Deliveries past MaxDeliver mean the failed dead letter ended neither the
	// event nor its redeliveries. (The adapter names the durable consumer
	// <subscription>_<event type with dashes>.)
	cons, err := b.JetStream().Consumer(ctx, "ORDERS", "poison_order-created")
	if err != nil {
		t.Fatal(err)
	}
	waitFor(t, "redeliveries after the failed dead-letter publishes (handle.go: when b.deadLetter fails, NakWithDelay instead of Term)", func() bool {
		info, err := cons.Info(ctx)
		return err == nil && info.Delivered.Consumer > 4
	})
	if calls.Load() > 3 {
		t.Fatalf("handle.go: the handler ran %d times; past MaxDeliver=3 the event should only be dead-lettered", calls.Load())
	}

	if _, err := b.JetStream().CreateStream(ctx, jetstream.StreamConfig{Name: "DEADLETTER", Subjects: []string{"dlq.>"}}); err != nil {
		t.Fatal(err)
	}
	waitFor(t, "the dead letter once its stream exists", func() bool { return streamMsgs(t, ctx, b.JetStream(), "DEADLETTER") == 1 })
	dlq, err := b.JetStream().Stream(ctx, "DEADLETTER")
	if err != nil {
		t.Fatal(err)
	}
	msg, err := dlq.GetLastMsgForSubject(ctx, "dlq.poison")
	if err != nil {
		t.Fatal(err)
	}
	if dead, err := event.Parse(msg.Data); err != nil || dead.ID != e.ID {
		t.Fatalf("dead letter %s: %v; want event %s", msg.Data, err, e.ID)
	}
}

// A handler slower than the first backoff (and than AckWait) keeps its event:
// the adapter's InProgress heartbeats stop the server from giving it to the
// other instance while it runs.
func TestSlowHandlerIsNotRedeliveredWhileRunning(t *testing.T) {
	srv := natstest.Start(t)
	ctx := ctxFor(t)
	cfg := natsbus.Config{
		URL:            srv.ClientURL(),
		Backoff:        []time.Duration{50 * time.Millisecond},
		MaxDeliver:     3,
		HandlerTimeout: 200 * time.Millisecond, // AckWait becomes 400ms
	}
	var calls, running, most atomic.Int32
	slow := func(context.Context, event.Envelope) error {
		calls.Add(1)
		n := running.Add(1)
		for m := most.Load(); n > m && !most.CompareAndSwap(m, n); m = most.Load() {
		}
		time.Sleep(1200 * time.Millisecond) // a call that ignores its context
		running.Add(-1)
		return nil
	}
	// Two instances of the service on the same durable consumer.
	var first *natsbus.Bus
	for range 2 {
		b, err := natsbus.Connect(cfg)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { _ = b.Close() })
		stop, err := b.Subscribe(ctx, messaging.Subscription{Name: "slow", EventTypes: []string{"order.created"}}, slow)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(stop)
		if first == nil {
			first = b
		}
	}
	e, _ := event.New("order.created", "/test", "o1", map[string]string{"orderId": "o1"})
	if err := first.Publish(ctx, e); err != nil {
		t.Fatal(err)
	}
	waitFor(t, "the slow handler to finish", func() bool { return calls.Load() >= 1 && running.Load() == 0 })
	time.Sleep(800 * time.Millisecond) // two AckWaits: time for a wrong redelivery to show
	if got, at := calls.Load(), most.Load(); got != 1 || at != 1 {
		t.Fatalf("handler ran %d times, %d at once, for one event; want once (no redelivery while it ran)", got, at)
	}
}

// Stopping a subscription drains it: stop returns after the running handler
// finished and its event was acked, so a deploy causes no redelivery.
func TestStopWaitsForTheRunningHandlerAndItsAck(t *testing.T) {
	srv := natstest.Start(t)
	b := connect(t, srv.ClientURL())
	ctx := ctxFor(t)
	started := make(chan struct{})
	var finished atomic.Bool
	stop, err := b.Subscribe(ctx, messaging.Subscription{Name: "drain", EventTypes: []string{"order.created"}},
		func(context.Context, event.Envelope) error {
			close(started)
			time.Sleep(300 * time.Millisecond)
			finished.Store(true)
			return nil
		})
	if err != nil {
		t.Fatal(err)
	}
	e, _ := event.New("order.created", "/test", "o1", map[string]string{"orderId": "o1"})
	if err := b.Publish(ctx, e); err != nil {
		t.Fatal(err)
	}
	received(t, started, "the handler to be called with the published event")
	stop()
	if !finished.Load() {
		t.Fatal("stop returned while the handler was still running")
	}
	cons, err := b.JetStream().Consumer(ctx, "ORDERS", "drain_order-created")
	if err != nil {
		t.Fatal(err)
	}
	// The ack left before stop returned; on a loaded machine the server may
	// take a moment to record it.
	var info *jetstream.ConsumerInfo
	for deadline := time.Now().Add(2 * time.Second); ; time.Sleep(20 * time.Millisecond) {
		if info, err = cons.Info(ctx); err != nil {
			t.Fatal(err)
		}
		if (info.NumAckPending == 0 && info.AckFloor.Consumer == 1) || time.Now().After(deadline) {
			break
		}
	}
	if info.NumAckPending != 0 || info.AckFloor.Consumer != 1 {
		t.Fatalf("handle.go: after stop: %d unacked, ack floor %d; want the event acked", info.NumAckPending, info.AckFloor.Consumer)
	}
}

// Close drains the connection: the running handler still acks its event, and
// Close returns once that is done.
func TestCloseLetsTheRunningHandlerAck(t *testing.T) {
	srv := natstest.Start(t)
	b := connect(t, srv.ClientURL())
	ctx := ctxFor(t)
	started := make(chan struct{})
	if _, err := b.Subscribe(ctx, messaging.Subscription{Name: "closing", EventTypes: []string{"order.created"}},
		func(context.Context, event.Envelope) error {
			close(started)
			time.Sleep(300 * time.Millisecond)
			return nil
		}); err != nil {
		t.Fatal(err)
	}
	e, _ := event.New("order.created", "/test", "o1", map[string]string{"orderId": "o1"})
	if err := b.Publish(ctx, e); err != nil {
		t.Fatal(err)
	}
	received(t, started, "the handler to be called with the published event")
	if err := b.Close(); err != nil {
		t.Fatal(err)
	}
	observer := connect(t, srv.ClientURL())
	cons, err := observer.JetStream().Consumer(ctx, "ORDERS", "closing_order-created")
	if err != nil {
		t.Fatal(err)
	}
	info, err := cons.Info(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if info.NumAckPending != 0 || info.AckFloor.Consumer != 1 {
		t.Fatalf("after Close: %d unacked, ack floor %d; want the event acked", info.NumAckPending, info.AckFloor.Consumer)
	}
}
