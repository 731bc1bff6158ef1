package outbox_test

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"

	"example.com/shop/platform/event"
	"example.com/shop/platform/messaging"
	"example.com/shop/platform/messaging/natsbus"
	"example.com/shop/platform/natstest"
	"example.com/shop/platform/outbox"
)

// store is a service's outbox table, as the memstores keep it.
type store struct {
	mu  sync.Mutex
	box outbox.Memory
}

func (s *store) Pending(_ context.Context, limit int) ([]event.Envelope, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.box.Pending(limit), nil
}

func (s *store) MarkPublished(_ context.Context, id string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.box.Remove(id)
	return nil
}

// failingOnce is a publisher whose first Publish fails: before reaching the
// broker (it is down), or after the broker stored the event (the ack was lost).
type failingOnce struct {
	next       messaging.Publisher
	afterStore bool
	once       sync.Once
}

func (f *failingOnce) Publish(ctx context.Context, e event.Envelope) error {
	var failed bool
	f.once.Do(func() { failed = true })
	if !failed {
		return f.next.Publish(ctx, e)
	}
	if f.afterStore {
		if err := f.next.Publish(ctx, e); err != nil {
			return err
		}
		return errors.New("publish ack lost")
	}
	return errors.New("broker unreachable")
}

// A publish that fails once is retried by the relay, and the broker still
// holds the event exactly once.
func TestRelayPublishesExactlyOnceWhenAPublishFailsOnce(t *testing.T) {
	for _, tc := range []struct {
		name       string
		afterStore bool
	}{{"before the broker stored it", false}, {"after the broker stored it", true}} {
		t.Run(tc.name, func(t *testing.T) {
			ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
			defer cancel()
			srv := natstest.Start(t)
			bus, err := natsbus.Connect(natsbus.Config{URL: srv.ClientURL()})
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { _ = bus.Close() })
			s := &store{}
			e, _ := event.New("order.created", "/test", "o1", map[string]string{"orderId": "o1"})
			s.box.Add(e) // saved together with the order
			relay := outbox.NewRelay(s, &failingOnce{next: bus, afterStore: tc.afterStore}, 10*time.Millisecond)

			if _, err := relay.Flush(ctx); err == nil {
				t.Fatal("the first flush should report the failed publish")
			}
			if n, err := relay.Flush(ctx); err != nil || n != 1 {
				t.Fatalf("the retry published %d events (%v); want 1", n, err)
			}
			if left, _ := s.Pending(ctx, 10); len(left) != 0 {
				t.Fatalf("%d events still in the outbox after a successful publish", len(left))
			}
			stream, err := bus.JetStream().Stream(ctx, "ORDERS")
			if err != nil {
				t.Fatal(err)
			}
			info, err := stream.Info(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if info.State.Msgs != 1 {
				t.Fatalf("ORDERS holds %d copies of the event; want exactly 1", info.State.Msgs)
			}
		})
	}
}
