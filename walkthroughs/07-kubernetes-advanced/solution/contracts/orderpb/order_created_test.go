package orderpb_test

import (
	"encoding/json"
	"testing"
	"time"

	"google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/types/known/timestamppb"

	"example.com/shop/contracts/orderpb"
	"example.com/shop/order/domain"
	"example.com/shop/order/usecase"
)

// The same order.created as JSON (what goes on the wire today) and as
// Protobuf: smaller, typed, but unreadable without the .proto, and its
// compatibility rules are about field numbers, not names.
func TestSameEventAsJSONAndProtobuf(t *testing.T) {
	placed := time.Date(2026, 1, 31, 12, 0, 0, 0, time.UTC)
	asJSON, err := json.Marshal(usecase.OrderCreated{
		OrderID: "0b8e6a3c-8a55-4b8c-9d1e-3d2f0f6c1a11", CustomerID: "c-42",
		Items: []domain.Line{{SKU: "sku-1", Quantity: 2}}, PlacedAt: placed,
	})
	if err != nil {
		t.Fatal(err)
	}
	asProto, err := proto.Marshal(&orderpb.OrderCreated{
		OrderId: "0b8e6a3c-8a55-4b8c-9d1e-3d2f0f6c1a11", CustomerId: "c-42",
		Items: []*orderpb.Line{{Sku: "sku-1", Quantity: 2}}, PlacedAt: timestamppb.New(placed),
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("JSON %d bytes, Protobuf %d bytes", len(asJSON), len(asProto))
	if len(asProto) >= len(asJSON) {
		t.Fatalf("Protobuf (%d bytes) should be smaller than JSON (%d bytes)", len(asProto), len(asJSON))
	}
	var back orderpb.OrderCreated
	if err := proto.Unmarshal(asProto, &back); err != nil {
		t.Fatal(err)
	}
	if back.GetItems()[0].GetQuantity() != 2 || !back.GetPlacedAt().AsTime().Equal(placed) {
		t.Fatalf("round trip lost data: %v", &back)
	}
}
