package events_test

import (
	"context"
	"encoding/json"
	"errors"
	"testing"
	"time"

	"example.com/edgo/events"
)

func event(t *testing.T, id, typ string, payload any) events.Event {
	t.Helper()
	data, err := json.Marshal(payload)
	if err != nil {
		t.Fatal(err)
	}
	return events.Event{ID: id, Type: typ, Source: "/test", OccurredAt: time.Now().UTC(), Data: data}
}

func TestBusDeliversToEverySubscriber(t *testing.T) {
	bus := events.NewBus()
	var payment, inventory int
	bus.Subscribe("order.created", func(context.Context, events.Event) error { payment++; return nil })
	bus.Subscribe("order.created", func(context.Context, events.Event) error { inventory++; return nil })

	e := event(t, "e1", "order.created", events.OrderCreated{OrderID: "o1"})
	if err := bus.Publish(context.Background(), e); err != nil {
		t.Fatalf("Publish: %v", err)
	}
	if payment != 1 || inventory != 1 {
		t.Errorf("after one order.created: payment got %d, inventory got %d; want 1 each (fan-out)", payment, inventory)
	}
}

func TestBusDeliversOnlyMatchingType(t *testing.T) {
	bus := events.NewBus()
	var got []string
	bus.Subscribe("order.shipped", func(_ context.Context, e events.Event) error { got = append(got, e.ID); return nil })

	ctx := context.Background()
	if err := bus.Publish(ctx, event(t, "e1", "order.created", nil)); err != nil {
		t.Fatalf("Publish without subscribers: %v", err)
	}
	if err := bus.Publish(ctx, event(t, "e2", "order.shipped", nil)); err != nil {
		t.Fatalf("Publish: %v", err)
	}
	if len(got) != 1 || got[0] != "e2" {
		t.Errorf("the order.shipped subscriber got %v, want [e2]", got)
	}
}

func TestBusOneFailingSubscriberDoesNotStopOthers(t *testing.T) {
	bus := events.NewBus()
	boom := errors.New("payment service down")
	var delivered bool
	bus.Subscribe("order.created", func(context.Context, events.Event) error { return boom })
	bus.Subscribe("order.created", func(context.Context, events.Event) error { delivered = true; return nil })

	err := bus.Publish(context.Background(), event(t, "e1", "order.created", nil))
	if !errors.Is(err, boom) {
		t.Errorf("Publish: err = %v, want the failing subscriber's error", err)
	}
	if !delivered {
		t.Errorf("the second subscriber was not called after the first failed")
	}
}

func TestIdempotentConsumerSkipsDuplicates(t *testing.T) {
	var reserved int
	h := events.Idempotent(events.NewMemoryStore(), func(context.Context, events.Event) error {
		reserved++
		return nil
	})
	e := event(t, "e1", "order.created", events.OrderCreated{OrderID: "o1"})
	for i := 0; i < 3; i++ { // at-least-once: the broker may deliver the same event again
		if err := h(context.Background(), e); err != nil {
			t.Fatalf("delivery %d: %v", i+1, err)
		}
	}
	if reserved != 1 {
		t.Errorf("the same event delivered 3 times was processed %d times, want 1", reserved)
	}
	if err := h(context.Background(), event(t, "e2", "order.created", nil)); err != nil || reserved != 2 {
		t.Errorf("a new event (another id) was not processed: err %v, count %d", err, reserved)
	}
}

func TestIdempotentConsumerRetriesFailures(t *testing.T) {
	calls := 0
	h := events.Idempotent(events.NewMemoryStore(), func(context.Context, events.Event) error {
		calls++
		if calls == 1 {
			return errors.New("database timeout")
		}
		return nil
	})
	e := event(t, "e1", "order.created", nil)
	if err := h(context.Background(), e); err == nil {
		t.Fatalf("first delivery: want the handler's error so the broker redelivers")
	}
	if err := h(context.Background(), e); err != nil {
		t.Fatalf("redelivery: %v", err)
	}
	if calls != 2 {
		t.Errorf("a failed event must be processed again on redelivery: handler called %d times, want 2", calls)
	}
}

func TestReplayRebuildsState(t *testing.T) {
	history := []events.Event{
		event(t, "e1", "order.created", events.OrderCreated{OrderID: "o1", CustomerID: "c1", TotalCents: 4200, Currency: "EUR"}),
		event(t, "e2", "payment.captured", events.PaymentCaptured{OrderID: "o1", PaymentID: "p1", AmountCents: 4200}),
		event(t, "e3", "order.shipped", events.OrderShipped{OrderID: "o1", TrackingID: "TRK-9"}),
	}
	want := []events.OrderState{
		{OrderID: "o1", Status: "created", TotalCents: 4200},
		{OrderID: "o1", Status: "paid", TotalCents: 4200, PaidCents: 4200},
		{OrderID: "o1", Status: "shipped", TotalCents: 4200, PaidCents: 4200, TrackingID: "TRK-9"},
	}
	for n := 1; n <= len(history); n++ {
		got, err := events.Replay(history[:n])
		if err != nil {
			t.Fatalf("Replay of %d events: %v", n, err)
		}
		if got != want[n-1] {
			t.Errorf("Replay of the first %d events = %+v, want %+v", n, got, want[n-1])
		}
	}
}

func TestReplaySkipsUnknownTypes(t *testing.T) {
	history := []events.Event{
		event(t, "e1", "order.created", events.OrderCreated{OrderID: "o1", TotalCents: 100}),
		event(t, "e2", "order.gift-wrapped", map[string]string{"orderId": "o1"}),
	}
	got, err := events.Replay(history)
	if err != nil {
		t.Fatalf("Replay with an unknown event type: %v (skip types you do not know)", err)
	}
	if got.Status != "created" {
		t.Errorf("Replay = %+v, want status created", got)
	}
	bad := []events.Event{{ID: "e9", Type: "order.created", Data: json.RawMessage(`{"orderId": 42`)}}
	if _, err := events.Replay(bad); err == nil {
		t.Errorf("Replay of a malformed payload: want an error")
	}
}
