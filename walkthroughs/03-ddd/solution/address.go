package ordering

import (
	"errors"
	"fmt"
	"strings"
)

var ErrInvalidAddress = errors.New("invalid address")

// Address is a value object: immutable, validated once, compared by value.
type Address struct {
	street     string
	city       string
	postalCode string
	country    string
}

// NewAddress trims the parts, requires all of them, and requires an
// upper-case ISO 3166-1 alpha-2 country code such as "DE".
func NewAddress(street, city, postalCode, country string) (Address, error) {
	a := Address{
		street:     strings.TrimSpace(street),
		city:       strings.TrimSpace(city),
		postalCode: strings.TrimSpace(postalCode),
		country:    strings.TrimSpace(country),
	}
	switch {
	case a.street == "":
		return Address{}, fmt.Errorf("%w: street is required", ErrInvalidAddress)
	case a.city == "":
		return Address{}, fmt.Errorf("%w: city is required", ErrInvalidAddress)
	case a.postalCode == "":
		return Address{}, fmt.Errorf("%w: postal code is required", ErrInvalidAddress)
	case len(a.country) != 2 || strings.ToUpper(a.country) != a.country:
		return Address{}, fmt.Errorf("%w: country %q is not an ISO 3166-1 alpha-2 code", ErrInvalidAddress, country)
	}
	return a, nil
}

func (a Address) Street() string     { return a.street }
func (a Address) City() string       { return a.city }
func (a Address) PostalCode() string { return a.postalCode }
func (a Address) Country() string    { return a.country }

// IsZero reports whether a is the zero Address (never a valid one).
func (a Address) IsZero() bool { return a == Address{} }

// WithStreet returns a copy with another street: the way to "change" a value
// object is to make a new one.
func (a Address) WithStreet(street string) (Address, error) {
	return NewAddress(street, a.city, a.postalCode, a.country)
}
