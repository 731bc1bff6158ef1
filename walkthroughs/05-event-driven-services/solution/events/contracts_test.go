package events_test

import (
	"context"
	"strings"
	"testing"

	"example.com/shop/events"
	invdomain "example.com/shop/inventory/domain"
	invstore "example.com/shop/inventory/infra/memstore"
	invusecase "example.com/shop/inventory/usecase"
	orderdomain "example.com/shop/order/domain"
	orderstore "example.com/shop/order/infra/memstore"
	orderusecase "example.com/shop/order/usecase"
	"example.com/shop/platform/event"
)

// The events the services really produce (taken from their outboxes) match
// the schemas in events/*.yaml: the contract and the code cannot drift apart
// without this test failing.
func TestProducedEventsMatchTheirContracts(t *testing.T) {
	ctx := context.Background()
	orders := orderstore.New()
	o, err := orderusecase.NewOrders(orders, nil, nil).PlaceOrder(ctx, orderusecase.PlaceOrderInput{
		CustomerID: "c-42", Items: []orderdomain.Line{{SKU: "sku-1", Quantity: 2}},
	})
	if err != nil {
		t.Fatal(err)
	}
	produced, _ := orders.Pending(ctx, 10)

	stock := invstore.New(invdomain.Stock{"sku-1": 3})
	r := invusecase.NewReservations(stock)
	for _, qty := range []int{2, 9} { // the first is reserved, the second rejected
		in, err := event.New(invusecase.TypeOrderCreated, "/test", o.ID, invusecase.OrderCreated{OrderID: o.ID, Items: []invdomain.Item{{SKU: "sku-1", Quantity: qty}}})
		if err != nil {
			t.Fatal(err)
		}
		if err := r.HandleOrderCreated(ctx, in); err != nil {
			t.Fatal(err)
		}
	}
	answers, _ := stock.Pending(ctx, 10)
	produced = append(produced, answers...)

	seen := map[string]bool{}
	for _, e := range produced {
		seen[e.Type] = true
		if err := events.Validate(e.Type, e.Data); err != nil {
			t.Errorf("the code's %s does not match its contract: %v\npayload: %s", e.Type, err, e.Data)
		}
	}
	for _, typ := range []string{"order.created", "inventory.reserved", "inventory.rejected"} {
		if !seen[typ] {
			t.Errorf("no %s was produced; the test expects one of each", typ)
		}
	}
}

func TestInvalidPayloadGetsTheSchemasMessage(t *testing.T) {
	err := events.Validate("order.created", []byte(`{"orderId":"0b8e6a3c-8a55-4b8c-9d1e-3d2f0f6c1a11","customerId":"c-1","items":[{"sku":"sku-1","quantity":0}],"placedAt":"2026-01-31T12:00:00Z"}`))
	if err == nil {
		t.Fatal("quantity 0 passed; the schema says minimum: 1")
	}
	for _, want := range []string{"events/order.created.yaml", "/items/0/quantity", "minimum"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("message %q does not name %q", err, want)
		}
	}
	if strings.Contains(err.Error(), "\n") {
		t.Errorf("message %q has a line break; it must fit in a NATS header", err)
	}
	if err := events.Validate("order.created", []byte(`{"orderId":"0b8e6a3c-8a55-4b8c-9d1e-3d2f0f6c1a11","customerId":"c-1","items":[{"sku":"sku-1","quantity":1}],"placedAt":"2026-01-31T12:00:00Z"}`)); err != nil {
		t.Errorf("a valid payload was rejected: %v", err)
	}
}

func TestUnknownEventTypeSaysWhichFileIsMissing(t *testing.T) {
	err := events.Validate("order.shipped", []byte(`{}`))
	if err == nil || !strings.Contains(err.Error(), "events/order.shipped.yaml") {
		t.Fatalf("got %v; want a message naming events/order.shipped.yaml", err)
	}
}
