package domain

import (
	"errors"
	"testing"
)

func pending(t *testing.T) Booking {
	t.Helper()
	b, err := New("b1", "slot-1", "ada@example.com", 4200, "eur", "card_ok")
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestNewValidates(t *testing.T) {
	_, err := New("b1", "", "not-mail", 0, "EURO", "")
	if !errors.Is(err, ErrInvalid) {
		t.Fatalf("want ErrInvalid, got %v", err)
	}
	if b := pending(t); b.Status != StatusPending || b.Currency != "EUR" {
		t.Fatalf("unexpected booking %+v", b)
	}
}

func TestConfirmIsIdempotent(t *testing.T) {
	b := pending(t)
	if changed, err := b.Confirm("p1"); !changed || err != nil {
		t.Fatalf("first confirm: changed=%v err=%v", changed, err)
	}
	if changed, err := b.Confirm("p1"); changed || err != nil {
		t.Fatalf("second confirm: changed=%v err=%v", changed, err)
	}
	if _, err := b.Cancel("late decline"); !errors.Is(err, ErrIllegalTransition) {
		t.Fatalf("cancel after confirm: %v", err)
	}
}

func TestCancelIsIdempotent(t *testing.T) {
	b := pending(t)
	if changed, err := b.Cancel("declined"); !changed || err != nil {
		t.Fatalf("first cancel: changed=%v err=%v", changed, err)
	}
	if changed, err := b.Cancel("declined"); changed || err != nil {
		t.Fatalf("second cancel: changed=%v err=%v", changed, err)
	}
	if _, err := b.Confirm("p1"); !errors.Is(err, ErrIllegalTransition) {
		t.Fatalf("confirm after cancel: %v", err)
	}
}
