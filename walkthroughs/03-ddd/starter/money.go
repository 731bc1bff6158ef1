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

// NewMoney returns a Money of amount minor units (cents) in currency.
func NewMoney(amount int64, currency string) (Money, error) {
	// TODO(step "Hands-on: Money and Address"): reject a currency that is not three
	// upper-case letters ("EUR", "USD") with an error wrapping ErrInvalidMoney.
	return Money{amount: amount, currency: currency}, nil
}

// SetAmount changes the amount in place.
//
// TODO(step "Hands-on: Money and Address"): delete this method. A value object never
// changes; code that needs another amount makes a new Money.
func (m *Money) SetAmount(amount int64) { m.amount = amount }

func (m Money) Amount() int64    { return m.amount }
func (m Money) Currency() string { return m.currency }
func (m Money) IsZero() bool     { return m.amount == 0 }

// Add returns a new Money; m is unchanged.
func (m Money) Add(other Money) (Money, error) {
	// TODO(step "Hands-on: Money and Address"): adding different currencies is an error
	// wrapping ErrCurrencyMismatch, never a silent mix.
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
