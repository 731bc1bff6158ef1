package consumer_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"example.com/shop/inventory/domain"
	"example.com/shop/inventory/infra/memstore"
	"example.com/shop/inventory/interface/consumer"
	"example.com/shop/inventory/usecase"
	"example.com/shop/platform/event"
	"example.com/shop/platform/messaging"
	"example.com/shop/platform/messaging/natsbus"
	"example.com/shop/platform/natstest"
)

// An order.created whose payload breaks events/order.created.yaml (a quantity
// of 0) is dead-lettered on its first delivery, with the schema's message in
// the Edgo-Error header, and reserves nothing. A real NATS server carries it.
func TestInvalidPayloadIsDeadLetteredWithTheSchemasMessage(t *testing.T) {
	srv := natstest.Start(t)
	bus, err := natsbus.Connect(natsbus.Config{URL: srv.ClientURL(), Backoff: []time.Duration{50 * time.Millisecond}, MaxDeliver: 3})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = bus.Close() })
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()

	store := memstore.New(domain.Stock{"sku-1": 5})
	stop, err := consumer.Start(ctx, bus, usecase.NewReservations(store), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer stop()
	bad, err := event.New(usecase.TypeOrderCreated, "/test", "o-1", map[string]any{
		"orderId": "0b8e6a3c-8a55-4b8c-9d1e-3d2f0f6c1a11", "customerId": "c-1",
		"items": []map[string]any{{"sku": "sku-1", "quantity": 0}}, "placedAt": "2026-01-31T12:00:00Z",
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := bus.Publish(ctx, bad); err != nil {
		t.Fatal(err)
	}

	dlq, err := bus.JetStream().OrderedConsumer(ctx, "DEADLETTER", jetstream.OrderedConsumerConfig{FilterSubjects: []string{messaging.DeadLetterSubject(consumer.SubscriptionName)}})
	if err != nil {
		t.Fatal(err)
	}
	msg, err := dlq.Next(jetstream.FetchMaxWait(10 * time.Second))
	if err != nil {
		t.Fatalf("no dead letter on %s: %v (an invalid payload must be a permanent error)", messaging.DeadLetterSubject(consumer.SubscriptionName), err)
	}
	reason := msg.Headers().Get("Edgo-Error")
	for _, want := range []string{"events/order.created.yaml", "/items/0/quantity", "minimum"} {
		if !strings.Contains(reason, want) {
			t.Errorf("Edgo-Error %q does not carry the schema's message (want %q)", reason, want)
		}
	}
	if got := msg.Headers().Get("Edgo-Deliveries"); got != "1" {
		t.Errorf("dead-lettered after %s deliveries; an invalid payload is permanent: dead-letter it on the first", got)
	}
	if got := store.Available("sku-1"); got != 5 {
		t.Errorf("available %d, want 5: an invalid order reserved stock", got)
	}
}
