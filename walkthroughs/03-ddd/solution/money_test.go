package ordering_test

import (
	"errors"
	"reflect"
	"testing"

	"example.com/edgo/ordering"
)

func mustMoney(t *testing.T, amount int64, currency string) ordering.Money {
	t.Helper()
	m, err := ordering.NewMoney(amount, currency)
	if err != nil {
		t.Fatalf("NewMoney(%d, %q): %v", amount, currency, err)
	}
	return m
}

func TestMoneyNew(t *testing.T) {
	m := mustMoney(t, 1250, "EUR")
	if m.Amount() != 1250 || m.Currency() != "EUR" {
		t.Errorf("NewMoney(1250, EUR) = %d %s", m.Amount(), m.Currency())
	}
	for _, bad := range []string{"", "EU", "EURO", "eur", "E1R"} {
		if _, err := ordering.NewMoney(1, bad); !errors.Is(err, ordering.ErrInvalidMoney) {
			t.Errorf("NewMoney(1, %q): err = %v, want ErrInvalidMoney", bad, err)
		}
	}
}

func TestMoneyEqualityByValue(t *testing.T) {
	a, b := mustMoney(t, 500, "EUR"), mustMoney(t, 500, "EUR")
	if a != b {
		t.Errorf("two Money values of 500 EUR are not ==; a value object compares by value")
	}
	if a == mustMoney(t, 500, "USD") || a == mustMoney(t, 501, "EUR") {
		t.Errorf("Money values with a different amount or currency compare equal")
	}
}

func TestMoneyAdd(t *testing.T) {
	a, b := mustMoney(t, 1250, "EUR"), mustMoney(t, 250, "EUR")
	sum, err := a.Add(b)
	if err != nil {
		t.Fatalf("Add: %v", err)
	}
	if sum != mustMoney(t, 1500, "EUR") {
		t.Errorf("1250 EUR + 250 EUR = %v, want 15.00 EUR", sum)
	}
	if a != mustMoney(t, 1250, "EUR") {
		t.Errorf("Add changed its receiver to %v; return a new value instead", a)
	}
	if _, err := a.Add(mustMoney(t, 1, "USD")); !errors.Is(err, ordering.ErrCurrencyMismatch) {
		t.Errorf("EUR + USD: err = %v, want ErrCurrencyMismatch", err)
	}
}

// assertImmutable fails when a value object exposes a way to change it in
// place: an exported field or a pointer-receiver method.
func assertImmutable(t *testing.T, v any) {
	t.Helper()
	typ := reflect.TypeOf(v)
	for i := 0; i < typ.NumField(); i++ {
		if f := typ.Field(i); f.IsExported() {
			t.Errorf("%s has an exported field %s: callers could change it; unexport it and add an accessor", typ.Name(), f.Name)
		}
	}
	ptr := reflect.PointerTo(typ)
	for i := 0; i < ptr.NumMethod(); i++ {
		name := ptr.Method(i).Name
		if _, onValue := typ.MethodByName(name); !onValue {
			t.Errorf("%s has a pointer-receiver method %s, which can change the value in place; value objects return new values", typ.Name(), name)
		}
	}
}

func TestMoneyIsImmutable(t *testing.T) {
	assertImmutable(t, ordering.Money{})
}
