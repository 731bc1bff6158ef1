// Package app holds the notification use cases and their ports.
package app

import (
	"context"

	"example.com/capstone/internal/contracts"
	"example.com/capstone/internal/notification/domain"
)

// Store keeps the inbox and the mails to send in one database.
type Store interface {
	// InTx runs fn in one transaction: the inbox entry and the queued mail
	// commit together, or nothing does when fn returns an error.
	InTx(ctx context.Context, fn func(Tx) error) error
}

// Tx is the work one transaction can do.
type Tx interface {
	// FirstDelivery records eventID in the inbox; false when it is already
	// there, and then the caller must change nothing (a redelivery).
	FirstDelivery(ctx context.Context, eventID string) (bool, error)
	// Queue records a mail to send; the mail relay sends it after the commit.
	Queue(ctx context.Context, m domain.Message) error
}

// Sender delivers a message (SMTP, a mail API, or a fake sink). m.Key is the
// idempotency key: a provider that honours it sends one mail per key.
type Sender interface {
	Send(ctx context.Context, m domain.Message) error
}

// Service tells customers how their booking ended.
type Service struct{ store Store }

func NewService(store Store) *Service { return &Service{store: store} }

func (s *Service) BookingConfirmed(ctx context.Context, eventID string, e contracts.BookingConfirmedV1) error {
	return s.notify(ctx, eventID, domain.Confirmation(e.BookingID, e.SlotID, e.CustomerEmail))
}

func (s *Service) BookingCancelled(ctx context.Context, eventID string, e contracts.BookingCancelledV1) error {
	return s.notify(ctx, eventID, domain.Cancellation(e.BookingID, e.SlotID, e.CustomerEmail, e.Reason))
}

// notify queues m once per event: the inbox entry and the mail commit in
// one transaction, so a redelivered event (after a restart, or at another
// replica) finds its id in the inbox and queues nothing.
func (s *Service) notify(ctx context.Context, eventID string, m domain.Message) error {
	return s.store.InTx(ctx, func(tx Tx) error {
		first, err := tx.FirstDelivery(ctx, eventID)
		switch {
		case err != nil:
			return err
		case !first:
			return nil // applied before: the mail is already queued
		default:
			return tx.Queue(ctx, m)
		}
	})
}
