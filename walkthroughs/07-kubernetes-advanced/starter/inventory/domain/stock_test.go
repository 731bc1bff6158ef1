package domain

import (
	"errors"
	"testing"
)

func TestReserveAllOrNothing(t *testing.T) {
	s := Stock{"a": 2, "b": 1}
	if err := s.Reserve([]Item{{SKU: "a", Quantity: 1}, {SKU: "b", Quantity: 2}}); !errors.Is(err, ErrInsufficientStock) {
		t.Fatalf("want ErrInsufficientStock, got %v", err)
	}
	if s["a"] != 2 || s["b"] != 1 {
		t.Fatalf("a failed reservation changed stock: %v", s)
	}
	if err := s.Reserve([]Item{{SKU: "a", Quantity: 2}}); err != nil || s["a"] != 0 {
		t.Fatalf("reserve: %v, stock %v", err, s)
	}
}
