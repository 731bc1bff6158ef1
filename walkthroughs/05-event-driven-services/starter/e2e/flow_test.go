package e2e

import (
	"testing"

	"github.com/nats-io/nats.go"

	invdomain "example.com/shop/inventory/domain"
	invusecase "example.com/shop/inventory/usecase"
	"example.com/shop/platform/event"
)

func TestOrderFlowsEndToEnd(t *testing.T) {
	s := startShop(t, invdomain.Stock{"sku-1": 5})
	s.startInventory(connect(t, s.srv.ClientURL(), "inventory"), nil)

	ok := s.postOrder(`{"customerId":"c1","items":[{"sku":"sku-1","quantity":2}]}`)
	tooMany := s.postOrder(`{"customerId":"c1","items":[{"sku":"sku-1","quantity":9}]}`)

	waitFor(t, "order "+ok.ID+" confirmed", func() bool { return s.getOrder(ok.ID).Status == "confirmed" })
	waitFor(t, "order "+tooMany.ID+" rejected", func() bool { return s.getOrder(tooMany.ID).Status == "rejected" })
	if got := s.inventory.Available("sku-1"); got != 3 {
		t.Fatalf("sku-1 available = %d, want 3", got)
	}
	if r := s.getOrder(tooMany.ID).Reason; r == "" {
		t.Fatal("a rejected order should say why")
	}
}

func TestDuplicateDeliveryReservesOnce(t *testing.T) {
	s := startShop(t, invdomain.Stock{"sku-1": 5})
	s.startInventory(connect(t, s.srv.ClientURL(), "inventory"), nil)

	// The same event twice, without Nats-Msg-Id, as a publisher without
	// de-dup (or a redelivery) would produce it: only the consumer's
	// processed-id check can keep the second copy from reserving again.
	// The payload keeps to events/order.created.yaml: the consumer checks it.
	const orderID = "5f0c2d1e-7a1b-4c3d-9e8f-0a1b2c3d4e5f"
	e, err := event.New(invusecase.TypeOrderCreated, "/test", orderID, map[string]any{
		"orderId": orderID, "customerId": "c-dup", "placedAt": "2026-01-31T12:00:00Z",
		"items": []invdomain.Item{{SKU: "sku-1", Quantity: 2}},
	})
	if err != nil {
		t.Fatal(err)
	}
	data, _ := e.Marshal()
	nc, err := nats.Connect(s.srv.ClientURL())
	if err != nil {
		t.Fatal(err)
	}
	defer nc.Close()
	for range 2 {
		if _, err := nc.Request(invusecase.TypeOrderCreated, data, 5e9); err != nil { // JetStream acks the publish
			t.Fatal(err)
		}
	}
	waitFor(t, "both copies delivered", func() bool { return s.calls.Load() >= 2 })
	if got := s.inventory.Available("sku-1"); got != 3 {
		t.Fatalf("sku-1 available = %d after one order delivered twice; want 3 (reserved once)", got)
	}
	if got := s.inventory.Applied(); got != 1 {
		t.Fatalf("%d reservations for one order.created; want 1", got)
	}
}

func TestCrashBeforeAckRedeliversAndReservesOnce(t *testing.T) {
	s := startShop(t, invdomain.Stock{"sku-1": 5})

	// First Inventory process: handles the event, then dies before the ack
	// (its connection is closed without a drain, so the ack never reaches
	// the server).
	first := connect(t, s.srv.ClientURL(), "inventory-1")
	crashed := make(chan struct{})
	s.startInventory(first, func(err error) error {
		select {
		case <-crashed:
		default:
			close(crashed)
			first.Conn().Close()
		}
		return err
	})
	order := s.postOrder(`{"customerId":"c1","items":[{"sku":"sku-1","quantity":2}]}`)
	received(t, crashed, "order.created to reach the first Inventory process")
	before := s.calls.Load()

	// Second process, same durable consumer: JetStream redelivers after the
	// ack wait; the processed id makes the second delivery a no-op.
	s.startInventory(connect(t, s.srv.ClientURL(), "inventory-2"), nil)
	waitFor(t, "the redelivery", func() bool { return s.calls.Load() > before })
	waitFor(t, "order confirmed", func() bool { return s.getOrder(order.ID).Status == "confirmed" })
	if got := s.inventory.Applied(); got != 1 {
		t.Fatalf("%d reservations after a crash and a redelivery; want exactly 1", got)
	}
	if got := s.inventory.Available("sku-1"); got != 3 {
		t.Fatalf("sku-1 available = %d, want 3", got)
	}
}
