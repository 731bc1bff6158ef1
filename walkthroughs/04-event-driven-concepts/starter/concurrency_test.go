package events_test

import (
	"context"
	"fmt"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"example.com/edgo/events"
)

// A broker delivers on many goroutines at once, and redelivers: each event
// must still be processed exactly once. Run with -race (Check my work does),
// this also catches a MemoryStore or Idempotent without its mutex.
func TestIdempotentConsumerConcurrentRedeliveries(t *testing.T) {
	var processed [10]atomic.Int32
	h := events.Idempotent(events.NewMemoryStore(), func(_ context.Context, e events.Event) error {
		var i int
		fmt.Sscanf(e.ID, "e%d", &i)
		processed[i].Add(1)
		time.Sleep(time.Millisecond) // work takes time: redeliveries arrive meanwhile
		return nil
	})
	var wg sync.WaitGroup
	for round := 0; round < 4; round++ {
		for i := range processed {
			wg.Add(1)
			go func() {
				defer wg.Done()
				_ = h(context.Background(), event(t, fmt.Sprintf("e%d", i), "order.created", events.OrderCreated{OrderID: "o1"}))
			}()
		}
	}
	wg.Wait()
	for i := range processed {
		if n := processed[i].Load(); n != 1 {
			t.Errorf("event e%d delivered 4 times at once was processed %d times, want 1: guard the check-then-mark with a mutex", i, n)
		}
	}
}

// Services subscribe while others publish: the bus must be safe for that.
func TestBusConcurrentSubscribeAndPublish(t *testing.T) {
	bus := events.NewBus()
	var got atomic.Int32
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(2)
		go func() {
			defer wg.Done()
			bus.Subscribe("order.created", func(context.Context, events.Event) error { got.Add(1); return nil })
		}()
		go func() {
			defer wg.Done()
			_ = bus.Publish(context.Background(), event(t, "e1", "order.created", events.OrderCreated{OrderID: "o1"}))
		}()
	}
	wg.Wait()
	if err := bus.Publish(context.Background(), event(t, "e2", "order.created", events.OrderCreated{OrderID: "o2"})); err != nil {
		t.Fatalf("Publish: %v", err)
	}
	if got.Load() < 8 {
		t.Errorf("the last Publish reached fewer than the 8 subscribers (%d calls in all)", got.Load())
	}
}
