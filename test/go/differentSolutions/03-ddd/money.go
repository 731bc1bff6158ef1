// Package ordering is the Orders bounded context: the Order aggregate and the
// value objects it is made of.
package ordering

import (
	"errors"
	"fmt"
	"regexp"
)

var (
	ErrInvalidMoney     = errors.New("invalid money")
	ErrCurrencyMismatch = errors.New("currency mismatch")
)

// isoCurrency: three upper-case ASCII letters.
var isoCurrency = regexp.MustCompile(`^[A-Z]{3}$`)

// Money is a value: minor units and an ISO 4217 code, never changed after NewMoney.
type Money struct {
	amount   int64
	currency string
}

func NewMoney(amount int64, currency string) (Money, error) {
	if !isoCurrency.MatchString(currency) {
		return Money{}, fmt.Errorf("new money %d %q: %w (want three upper-case letters)", amount, currency, ErrInvalidMoney)
	}
	return Money{amount, currency}, nil
}

func (m Money) Amount() int64    { return m.amount }
func (m Money) Currency() string { return m.currency }
func (m Money) IsZero() bool     { return m.amount == 0 }

// sameCurrency fails when the two values cannot be combined.
func (m Money) sameCurrency(other Money) error {
	if m.currency == other.currency {
		return nil
	}
	return fmt.Errorf("%s and %s: %w", m.currency, other.currency, ErrCurrencyMismatch)
}

func (m Money) Add(other Money) (Money, error) {
	if err := m.sameCurrency(other); err != nil {
		return Money{}, err
	}
	return Money{m.amount + other.amount, m.currency}, nil
}

func (m Money) Times(n int) Money {
	return Money{m.amount * int64(n), m.currency}
}

// String formats the amount with two decimals, e.g. "12.50 EUR".
func (m Money) String() string {
	sign, a := "", m.amount
	if a < 0 {
		sign, a = "-", -a
	}
	return fmt.Sprintf("%s%d.%02d %s", sign, a/100, a%100, m.currency)
}
