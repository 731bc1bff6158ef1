package ordering_test

import (
	"errors"
	"testing"

	"example.com/edgo/ordering"
)

func mustAddress(t *testing.T, street, city, postal, country string) ordering.Address {
	t.Helper()
	a, err := ordering.NewAddress(street, city, postal, country)
	if err != nil {
		t.Fatalf("NewAddress: %v", err)
	}
	return a
}

func TestAddressNew(t *testing.T) {
	a := mustAddress(t, " Hauptstr. 1 ", "Berlin", "10115", "DE")
	if a.Street() != "Hauptstr. 1" || a.City() != "Berlin" || a.PostalCode() != "10115" || a.Country() != "DE" {
		t.Errorf("NewAddress = %+v, want trimmed parts", a)
	}
	cases := map[string][4]string{
		"no street":       {"", "Berlin", "10115", "DE"},
		"blank city":      {"Hauptstr. 1", "  ", "10115", "DE"},
		"no postal code":  {"Hauptstr. 1", "Berlin", "", "DE"},
		"country name":    {"Hauptstr. 1", "Berlin", "10115", "Germany"},
		"lower-case code": {"Hauptstr. 1", "Berlin", "10115", "de"},
	}
	for name, c := range cases {
		if _, err := ordering.NewAddress(c[0], c[1], c[2], c[3]); !errors.Is(err, ordering.ErrInvalidAddress) {
			t.Errorf("NewAddress with %s: err = %v, want ErrInvalidAddress", name, err)
		}
	}
}

func TestAddressEqualityByValue(t *testing.T) {
	a := mustAddress(t, "Hauptstr. 1", "Berlin", "10115", "DE")
	b := mustAddress(t, "Hauptstr. 1", "Berlin", "10115", "DE")
	if a != b {
		t.Errorf("two equal addresses are not ==")
	}
	moved, err := a.WithStreet("Hauptstr. 2")
	if err != nil {
		t.Fatalf("WithStreet: %v", err)
	}
	if moved == a || a.Street() != "Hauptstr. 1" {
		t.Errorf("WithStreet must return a new address and leave the original unchanged")
	}
}

func TestAddressIsImmutable(t *testing.T) {
	assertImmutable(t, ordering.Address{})
}
