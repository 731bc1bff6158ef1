// Package app holds the payment use cases and their ports.
package app

import (
	"context"

	"example.com/capstone/internal/contracts"
	"example.com/capstone/internal/payment/domain"
)

// Store keeps payment decisions, the outbox and the inbox in one database.
type Store interface {
	// InTx runs fn in one transaction: the inbox entry, the decision and the
	// outbox row commit together, or nothing does when fn returns an error.
	InTx(ctx context.Context, fn func(Tx) error) error
}

// Tx is the work one transaction can do.
type Tx interface {
	// FirstDelivery records eventID in the inbox; false when it is already
	// there, and then the caller must change nothing (a redelivery).
	FirstDelivery(ctx context.Context, eventID string) (bool, error)
	// Decide stores p as the booking's decision unless one is stored
	// already, and returns the stored one: a booking is decided once.
	Decide(ctx context.Context, p domain.Payment) (domain.Payment, error)
	// Publish adds an event to the outbox; it is sent after the commit.
	Publish(ctx context.Context, e Event) error
}

// Event is an integration event to publish; Type is a contracts.* constant.
type Event struct {
	Type    string
	Subject string // the booking id
	ID      string
	Data    any
}

// Service authorises payments for requested bookings.
type Service struct {
	store  Store
	policy domain.Policy
	newID  func() string
}

func NewService(store Store, policy domain.Policy, newID func() string) *Service {
	return &Service{store: store, policy: policy, newID: newID}
}

// BookingRequested authorises or declines, at most once per booking: the
// inbox entry, the decision and its event commit in one transaction.
func (s *Service) BookingRequested(ctx context.Context, eventID string, e contracts.BookingRequestedV1) error {
	return s.store.InTx(ctx, func(tx Tx) error {
		first, err := tx.FirstDelivery(ctx, eventID)
		if err != nil || !first {
			return err // a redelivery: decided and announced before
		}
		// Another booking.requested for a booking already decided (a new
		// event id) gets the stored decision and the same outcome event id,
		// which the outbox keeps once.
		p, err := tx.Decide(ctx, s.policy.Decide(s.newID(), e.BookingID, e.PaymentMethod, e.AmountCents, e.Currency))
		if err != nil {
			return err
		}
		return tx.Publish(ctx, announcement(p))
	})
}

// announcement is the outcome event; its id is derived from the booking, so
// every announcement of one decision is the same event.
func announcement(p domain.Payment) Event {
	id := "payment-" + string(p.Outcome) + "-" + p.BookingID
	if p.Outcome == domain.Authorized {
		return Event{Type: contracts.PaymentAuthorized, Subject: p.BookingID, ID: id, Data: contracts.PaymentAuthorizedV1{
			BookingID: p.BookingID, PaymentID: p.ID, AmountCents: p.AmountCents, Currency: p.Currency,
		}}
	}
	return Event{Type: contracts.PaymentDeclined, Subject: p.BookingID, ID: id, Data: contracts.PaymentDeclinedV1{
		BookingID: p.BookingID, PaymentID: p.ID, Reason: p.Reason,
	}}
}
