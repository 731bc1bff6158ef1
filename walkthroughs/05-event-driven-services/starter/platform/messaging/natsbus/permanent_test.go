package natsbus_test

import (
	"context"
	"errors"
	"sync/atomic"
	"testing"
	"time"

	"example.com/shop/platform/event"
	"example.com/shop/platform/messaging"
	"example.com/shop/platform/natstest"
)

// A permanent failure (a malformed event, an unknown product) cannot succeed
// on retry: the adapter dead-letters it on the first delivery instead of
// trying MaxDeliver times (the consumer checks messaging.IsPermanent).
func TestPermanentFailureIsDeadLetteredAtOnce(t *testing.T) {
	srv := natstest.Start(t)
	b := connect(t, srv.ClientURL())
	ctx := ctxFor(t)
	var calls atomic.Int32
	stop, err := b.Subscribe(ctx, messaging.Subscription{Name: "malformed", EventTypes: []string{"order.created"}},
		func(context.Context, event.Envelope) error {
			calls.Add(1)
			return messaging.Permanent(errors.New("malformed payload"))
		})
	if err != nil {
		t.Fatal(err)
	}
	defer stop()
	e, _ := event.New("order.created", "/test", "o1", map[string]string{"orderId": "o1"})
	if err := b.Publish(ctx, e); err != nil {
		t.Fatal(err)
	}
	waitFor(t, "the dead letter of a permanent failure (handle.go: b.deadLetter then Term when messaging.IsPermanent(err))", func() bool { return streamMsgs(t, ctx, b.JetStream(), "DEADLETTER") == 1 })
	time.Sleep(300 * time.Millisecond) // longer than the backoff: a retry would have come by now
	if got := calls.Load(); got != 1 {
		t.Fatalf("handler ran %d times for a permanent failure; want 1 (handle.go: dead-letter it at once, check messaging.IsPermanent)", got)
	}
}
