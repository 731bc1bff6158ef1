package domain_test

import (
	"errors"
	"testing"
	"time"

	"example.com/edgo/users/domain"
)

var now = time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)

func TestNewOrderValid(t *testing.T) {
	items := []domain.Item{{SKU: "BOOK-1", Quantity: 2, UnitPriceCents: 1250}}
	o, err := domain.NewOrder("o1", "c1", items, now)
	if err != nil {
		t.Fatalf("NewOrder: unexpected error: %v", err)
	}
	if o.ID != "o1" || o.CustomerID != "c1" || len(o.Items) != 1 {
		t.Errorf("NewOrder = %+v, want id o1, customer c1 and 1 item", o)
	}
	if o.Status != domain.StatusPending {
		t.Errorf("NewOrder: status = %q, want %q", o.Status, domain.StatusPending)
	}
	if !o.CreatedAt.Equal(now) {
		t.Errorf("NewOrder: CreatedAt = %v, want %v", o.CreatedAt, now)
	}
	items[0].Quantity = 99
	if o.Items[0].Quantity != 2 {
		t.Errorf("NewOrder keeps the caller's slice: changing it changed the order; copy the items")
	}
}

func TestNewOrderRejectsInvalid(t *testing.T) {
	ok := domain.Item{SKU: "BOOK-1", Quantity: 1, UnitPriceCents: 100}
	cases := []struct {
		name     string
		id       domain.OrderID
		customer string
		items    []domain.Item
	}{
		{"empty id", "", "c1", []domain.Item{ok}},
		{"empty customer", "o1", "", []domain.Item{ok}},
		{"no items", "o1", "c1", nil},
		{"empty SKU", "o1", "c1", []domain.Item{{SKU: "", Quantity: 1, UnitPriceCents: 100}}},
		{"zero quantity", "o1", "c1", []domain.Item{{SKU: "A", Quantity: 0, UnitPriceCents: 100}}},
		{"negative quantity", "o1", "c1", []domain.Item{ok, {SKU: "A", Quantity: -1, UnitPriceCents: 100}}},
		{"negative price", "o1", "c1", []domain.Item{{SKU: "A", Quantity: 1, UnitPriceCents: -5}}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := domain.NewOrder(tc.id, tc.customer, tc.items, now)
			if !errors.Is(err, domain.ErrInvalidOrder) {
				t.Errorf("NewOrder with %s: err = %v, want an error wrapping ErrInvalidOrder", tc.name, err)
			}
		})
	}
}

func TestOrderTotalCents(t *testing.T) {
	o, err := domain.NewOrder("o1", "c1", []domain.Item{
		{SKU: "A", Quantity: 2, UnitPriceCents: 1250},
		{SKU: "B", Quantity: 1, UnitPriceCents: 499},
	}, now)
	if err != nil {
		t.Fatalf("NewOrder: %v", err)
	}
	if got, want := o.TotalCents(), int64(2999); got != want {
		t.Errorf("TotalCents = %d, want %d", got, want)
	}
}
