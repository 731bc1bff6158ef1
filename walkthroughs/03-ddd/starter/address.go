package ordering

import "errors"

var ErrInvalidAddress = errors.New("invalid address")

// Address is a value object: immutable, validated once, compared by value.
type Address struct {
	street     string
	city       string
	postalCode string
	country    string
}

// NewAddress builds an address.
func NewAddress(street, city, postalCode, country string) (Address, error) {
	// TODO(step "Hands-on: Money and Address"): trim the parts (strings.TrimSpace), require
	// street, city and postal code, and require an upper-case two-letter
	// country code ("DE"). Failures wrap ErrInvalidAddress.
	return Address{street: street, city: city, postalCode: postalCode, country: country}, nil
}

// SetCity changes the city in place.
//
// TODO(step "Hands-on: Money and Address"): delete this method; WithStreet below shows how
// a value object is "changed": by making a new one.
func (a *Address) SetCity(city string) { a.city = city }

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
