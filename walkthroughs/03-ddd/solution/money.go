// Package ordering is the Orders bounded context: the Order aggregate and the
// value objects it is made of.
package ordering

import (
	"errors"
	"fmt"
)

var (
	ErrInvalidMoney     = errors.New("invalid money")
	ErrCurrencyMismatch = errors.New("currency mismatch")
)

// Money is a value object: an amount in minor units (cents) and an ISO 4217
// currency code. It has no identity, only a value: two Money values with the
// same amount and currency are equal, and == compares them. Its fields are
// unexported and no method changes it, so a Money can be shared freely.
type Money struct {
	amount   int64
	currency string
}

// NewMoney validates the currency code (three upper-case letters, e.g. "EUR").
func NewMoney(amount int64, currency string) (Money, error) {
	if len(currency) != 3 {
		return Money{}, fmt.Errorf("%w: currency %q is not a 3-letter ISO 4217 code", ErrInvalidMoney, currency)
	}
	for _, c := range currency {
		if c < 'A' || c > 'Z' {
			return Money{}, fmt.Errorf("%w: currency %q is not a 3-letter ISO 4217 code", ErrInvalidMoney, currency)
		}
	}
	return Money{amount: amount, currency: currency}, nil
}

func (m Money) Amount() int64    { return m.amount }
func (m Money) Currency() string { return m.currency }
func (m Money) IsZero() bool     { return m.amount == 0 }

// Add returns a new Money; m is unchanged. Adding different currencies is an
// error, not a silent conversion.
func (m Money) Add(other Money) (Money, error) {
	if m.currency != other.currency {
		return Money{}, fmt.Errorf("%w: %s + %s", ErrCurrencyMismatch, m.currency, other.currency)
	}
	return Money{amount: m.amount + other.amount, currency: m.currency}, nil
}

// Times returns m multiplied by n, as a new value.
func (m Money) Times(n int) Money {
	return Money{amount: m.amount * int64(n), currency: m.currency}
}

// String formats the amount with two decimals, e.g. "12.50 EUR" (enough for
// the currencies of this course; some currencies have 0 or 3 decimals).
func (m Money) String() string {
	sign, a := "", m.amount
	if a < 0 {
		sign, a = "-", -a
	}
	return fmt.Sprintf("%s%d.%02d %s", sign, a/100, a%100, m.currency)
}
