package usecase_test

import (
	"context"
	"testing"

	"example.com/shop/inventory/domain"
	"example.com/shop/inventory/infra/memstore"
	"example.com/shop/inventory/usecase"
	"example.com/shop/platform/event"
	"example.com/shop/platform/messaging"
)

func orderCreated(t *testing.T, orderID string, qty int) event.Envelope {
	t.Helper()
	e, err := event.New(usecase.TypeOrderCreated, "/test", orderID, usecase.OrderCreated{OrderID: orderID, Items: []domain.Item{{SKU: "sku-1", Quantity: qty}}})
	if err != nil {
		t.Fatal(err)
	}
	return e
}

func TestReservesAndAnswers(t *testing.T) {
	ctx := context.Background()
	store := memstore.New(domain.Stock{"sku-1": 5})
	r := usecase.NewReservations(store)
	if err := r.HandleOrderCreated(ctx, orderCreated(t, "o1", 2)); err != nil {
		t.Fatal(err)
	}
	if err := r.HandleOrderCreated(ctx, orderCreated(t, "o2", 9)); err != nil {
		t.Fatal(err)
	}
	out, _ := store.Pending(ctx, 10)
	if len(out) != 2 || out[0].Type != usecase.TypeInventoryReserved || out[1].Type != usecase.TypeInventoryRejected {
		t.Fatalf("outbox: %+v", out)
	}
	if got := store.Available("sku-1"); got != 3 {
		t.Fatalf("available %d, want 3", got)
	}
}

func TestSameEventTwiceReservesOnce(t *testing.T) {
	ctx := context.Background()
	store := memstore.New(domain.Stock{"sku-1": 5})
	r := usecase.NewReservations(store)
	e := orderCreated(t, "o1", 2)
	for range 2 {
		if err := r.HandleOrderCreated(ctx, e); err != nil {
			t.Fatal(err)
		}
	}
	if got := store.Available("sku-1"); got != 3 {
		t.Fatalf("available %d after a duplicate, want 3 (reserved once)", got)
	}
	if out, _ := store.Pending(ctx, 10); len(out) != 1 {
		t.Fatalf("%d answers for one order, want 1", len(out))
	}
}

func TestMalformedEventIsPermanent(t *testing.T) {
	r := usecase.NewReservations(memstore.New(nil))
	err := r.HandleOrderCreated(context.Background(), event.Envelope{ID: "x", Type: usecase.TypeOrderCreated, Data: []byte(`{}`)})
	if !messaging.IsPermanent(err) {
		t.Fatalf("want a permanent error, got %v", err)
	}
}
