package ordering_test

import (
	"errors"
	"testing"

	"example.com/edgo/ordering"
)

func newDraft(t *testing.T) *ordering.Order {
	t.Helper()
	o, err := ordering.NewOrder("o1", "c1", "EUR", mustAddress(t, "Hauptstr. 1", "Berlin", "10115", "DE"))
	if err != nil {
		t.Fatalf("NewOrder: %v", err)
	}
	return o
}

func TestOrderNew(t *testing.T) {
	o := newDraft(t)
	if o.ID() != "o1" || o.Status() != ordering.StatusDraft || len(o.Lines()) != 0 {
		t.Errorf("NewOrder: id %q status %q lines %d, want o1, draft, 0", o.ID(), o.Status(), len(o.Lines()))
	}
	if _, err := ordering.NewOrder("o2", "c1", "EUR", ordering.Address{}); err == nil {
		t.Errorf("NewOrder without a shipping address: want an error")
	}
	if _, err := ordering.NewOrder("o3", "c1", "euro", mustAddress(t, "a", "b", "c", "DE")); err == nil {
		t.Errorf("NewOrder with currency %q: want an error", "euro")
	}
}

func TestOrderAddLineAndTotal(t *testing.T) {
	o := newDraft(t)
	if err := o.AddLine("book", 2, mustMoney(t, 1250, "EUR")); err != nil {
		t.Fatalf("AddLine(book): %v", err)
	}
	if err := o.AddLine("pen", 1, mustMoney(t, 199, "EUR")); err != nil {
		t.Fatalf("AddLine(pen): %v", err)
	}
	if err := o.AddLine("book", 1, mustMoney(t, 1250, "EUR")); err != nil {
		t.Fatalf("AddLine(book) again: %v", err)
	}
	if n := len(o.Lines()); n != 2 {
		t.Errorf("after adding book, pen, book: %d lines, want 2 (one line per product)", n)
	}
	if got, want := o.Total(), mustMoney(t, 3*1250+199, "EUR"); got != want {
		t.Errorf("Total = %v, want %v", got, want)
	}
}

func TestOrderInvariants(t *testing.T) {
	eur := mustMoney(t, 100, "EUR")

	t.Run("quantity must be positive", func(t *testing.T) {
		o := newDraft(t)
		for _, q := range []int{0, -1} {
			if err := o.AddLine("book", q, eur); !errors.Is(err, ordering.ErrInvalidQuantity) {
				t.Errorf("AddLine quantity %d: err = %v, want ErrInvalidQuantity", q, err)
			}
		}
	})
	t.Run("prices in the order's currency", func(t *testing.T) {
		o := newDraft(t)
		if err := o.AddLine("book", 1, mustMoney(t, 100, "USD")); !errors.Is(err, ordering.ErrCurrencyMismatch) {
			t.Errorf("AddLine in USD to an EUR order: err = %v, want ErrCurrencyMismatch", err)
		}
		if len(o.Lines()) != 0 {
			t.Errorf("a rejected line was added anyway")
		}
	})
	t.Run("cannot place an empty order", func(t *testing.T) {
		o := newDraft(t)
		if err := o.Place(); !errors.Is(err, ordering.ErrEmptyOrder) {
			t.Errorf("Place with no lines: err = %v, want ErrEmptyOrder", err)
		}
		if o.Status() != ordering.StatusDraft {
			t.Errorf("a failed Place changed the status to %q", o.Status())
		}
	})
	t.Run("placed orders are not modified", func(t *testing.T) {
		o := newDraft(t)
		if err := o.AddLine("book", 1, eur); err != nil {
			t.Fatal(err)
		}
		if err := o.Place(); err != nil {
			t.Fatalf("Place: %v", err)
		}
		if o.Status() != ordering.StatusPlaced {
			t.Errorf("after Place: status %q, want placed", o.Status())
		}
		if err := o.AddLine("pen", 1, eur); !errors.Is(err, ordering.ErrNotDraft) {
			t.Errorf("AddLine after Place: err = %v, want ErrNotDraft", err)
		}
		if err := o.RemoveLine("book"); !errors.Is(err, ordering.ErrNotDraft) {
			t.Errorf("RemoveLine after Place: err = %v, want ErrNotDraft", err)
		}
		if err := o.Place(); !errors.Is(err, ordering.ErrNotDraft) {
			t.Errorf("Place twice: err = %v, want ErrNotDraft", err)
		}
	})
	t.Run("cancelled stays cancelled", func(t *testing.T) {
		o := newDraft(t)
		if err := o.Cancel(); err != nil {
			t.Fatalf("Cancel: %v", err)
		}
		if err := o.Cancel(); !errors.Is(err, ordering.ErrAlreadyCancelled) {
			t.Errorf("Cancel twice: err = %v, want ErrAlreadyCancelled", err)
		}
		if err := o.Place(); err == nil {
			t.Errorf("Place after Cancel: want an error")
		}
	})
}

func TestOrderLinesAreACopy(t *testing.T) {
	o := newDraft(t)
	if err := o.AddLine("book", 1, mustMoney(t, 1000, "EUR")); err != nil {
		t.Fatal(err)
	}
	lines := o.Lines()
	lines[0].Quantity = 1000
	if got := o.Total(); got != mustMoney(t, 1000, "EUR") {
		t.Errorf("changing the slice from Lines() changed the order's total to %v; return a copy", got)
	}
}
