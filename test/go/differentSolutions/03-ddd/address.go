package ordering

import (
	"errors"
	"fmt"
	"strings"
	"unicode"
)

var ErrInvalidAddress = errors.New("invalid address")

// Address is a value object: immutable, validated once, compared by value.
type Address struct {
	street     string
	city       string
	postalCode string
	country    string
}

func NewAddress(street, city, postalCode, country string) (Address, error) {
	a := Address{
		street:     strings.TrimSpace(street),
		city:       strings.TrimSpace(city),
		postalCode: strings.TrimSpace(postalCode),
		country:    strings.TrimSpace(country),
	}
	var missing []string
	for _, part := range []struct{ name, value string }{{"street", a.street}, {"city", a.city}, {"postal code", a.postalCode}} {
		if part.value == "" {
			missing = append(missing, part.name)
		}
	}
	if len(missing) > 0 {
		return Address{}, fmt.Errorf("%w: %s required", ErrInvalidAddress, strings.Join(missing, ", "))
	}
	if !countryCode(a.country) {
		return Address{}, fmt.Errorf("%w: country %q is not a two-letter upper-case code", ErrInvalidAddress, a.country)
	}
	return a, nil
}

func countryCode(s string) bool {
	if len(s) != 2 {
		return false
	}
	for _, r := range s {
		if r > unicode.MaxASCII || !unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

func (a Address) Street() string     { return a.street }
func (a Address) City() string       { return a.city }
func (a Address) PostalCode() string { return a.postalCode }
func (a Address) Country() string    { return a.country }

// IsZero reports whether a is the zero Address (never a valid one).
func (a Address) IsZero() bool { return a == Address{} }

// WithStreet returns a new address with another street.
func (a Address) WithStreet(street string) (Address, error) {
	return NewAddress(street, a.city, a.postalCode, a.country)
}
