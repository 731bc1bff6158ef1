// Package domain is the booking bounded context's model: the Booking
// aggregate and its life cycle. It imports nothing outside the standard library.
package domain

import (
	"errors"
	"fmt"
	"net/mail"
	"strings"
)

// Status is where a booking is in the saga.
type Status string

const (
	StatusPending   Status = "pending"   // slot held, waiting for payment
	StatusConfirmed Status = "confirmed" // paid: final
	StatusCancelled Status = "cancelled" // payment declined, hold released: final
)

// Errors the application maps to HTTP status codes.
var (
	ErrInvalid           = errors.New("invalid booking")
	ErrNotFound          = errors.New("booking not found")
	ErrSlotUnavailable   = errors.New("slot unavailable")
	ErrIllegalTransition = errors.New("illegal status transition")
)

// Booking is the aggregate root.
type Booking struct {
	ID            string
	SlotID        string
	CustomerEmail string
	AmountCents   int64
	Currency      string
	PaymentMethod string
	Status        Status
	PaymentID     string
	CancelReason  string
}

// New validates the request and returns a pending booking.
func New(id, slotID, email string, amountCents int64, currency, paymentMethod string) (Booking, error) {
	var problems []string
	if strings.TrimSpace(slotID) == "" {
		problems = append(problems, "slotId is required")
	}
	if _, err := mail.ParseAddress(email); err != nil {
		problems = append(problems, "customerEmail is not an e-mail address")
	}
	if amountCents <= 0 {
		problems = append(problems, "amountCents must be positive")
	}
	if len(currency) != 3 {
		problems = append(problems, "currency must be a 3-letter ISO code")
	}
	if strings.TrimSpace(paymentMethod) == "" {
		problems = append(problems, "paymentMethod is required")
	}
	if len(problems) > 0 {
		return Booking{}, fmt.Errorf("%w: %s", ErrInvalid, strings.Join(problems, "; "))
	}
	return Booking{
		ID: id, SlotID: slotID, CustomerEmail: email, AmountCents: amountCents,
		Currency: strings.ToUpper(currency), PaymentMethod: paymentMethod, Status: StatusPending,
	}, nil
}

// Confirm records the authorised payment. It reports whether anything
// changed: confirming twice is a no-op, which keeps redelivery harmless.
func (b *Booking) Confirm(paymentID string) (changed bool, err error) {
	switch b.Status {
	case StatusConfirmed:
		return false, nil
	case StatusCancelled:
		return false, fmt.Errorf("%w: cannot confirm cancelled booking %s", ErrIllegalTransition, b.ID)
	}
	b.Status = StatusConfirmed
	b.PaymentID = paymentID
	return true, nil
}

// Cancel ends the booking after a declined payment; cancelling twice is a no-op.
func (b *Booking) Cancel(reason string) (changed bool, err error) {
	switch b.Status {
	case StatusCancelled:
		return false, nil
	case StatusConfirmed:
		return false, fmt.Errorf("%w: cannot cancel confirmed booking %s", ErrIllegalTransition, b.ID)
	}
	b.Status = StatusCancelled
	b.CancelReason = reason
	return true, nil
}
