package domain

import (
	"errors"
	"testing"
	"time"
)

func TestNewOrderValidates(t *testing.T) {
	cases := map[string][]Line{
		"no lines":    nil,
		"zero qty":    {{SKU: "a", Quantity: 0}},
		"missing sku": {{SKU: " ", Quantity: 1}},
	}
	for name, lines := range cases {
		if _, err := NewOrder("o1", "c1", lines, time.Now()); !errors.Is(err, ErrInvalidOrder) {
			t.Errorf("%s: want ErrInvalidOrder, got %v", name, err)
		}
	}
	o, err := NewOrder("o1", "c1", []Line{{SKU: "a", Quantity: 2}}, time.Now())
	if err != nil || o.Status != StatusPending {
		t.Fatalf("valid order: %+v %v", o, err)
	}
}

func TestSettleIsIdempotentButFinal(t *testing.T) {
	o, _ := NewOrder("o1", "c1", []Line{{SKU: "a", Quantity: 1}}, time.Now())
	if err := o.Confirm(); err != nil {
		t.Fatal(err)
	}
	if err := o.Confirm(); err != nil {
		t.Fatalf("second confirm should be a no-op: %v", err)
	}
	if err := o.Reject("late"); !errors.Is(err, ErrTransition) {
		t.Fatalf("reject after confirm: want ErrTransition, got %v", err)
	}
}
