// Package domain is the payment bounded context's model: a Payment and the
// authorisation policy. It imports nothing outside the standard library.
package domain

import "errors"

// Outcome of an authorisation.
type Outcome string

const (
	Authorized Outcome = "authorized"
	Declined   Outcome = "declined"
)

// ErrNotFound is returned when no payment exists for a booking.
var ErrNotFound = errors.New("payment not found")

// Payment is one authorisation attempt for one booking.
type Payment struct {
	ID          string
	BookingID   string
	AmountCents int64
	Currency    string
	Outcome     Outcome
	Reason      string // why it was declined
}

// Policy decides authorisations. The fake gateway of the course declines
// the test card "card_declined" and any amount over the limit.
type Policy struct {
	LimitCents int64
}

// Decide authorises or declines a payment for bookingID.
func (p Policy) Decide(id, bookingID, method string, amountCents int64, currency string) Payment {
	pay := Payment{ID: id, BookingID: bookingID, AmountCents: amountCents, Currency: currency, Outcome: Authorized}
	switch {
	case method == "card_declined":
		pay.Outcome, pay.Reason = Declined, "card declined by issuer"
	case p.LimitCents > 0 && amountCents > p.LimitCents:
		pay.Outcome, pay.Reason = Declined, "amount over limit"
	}
	return pay
}
