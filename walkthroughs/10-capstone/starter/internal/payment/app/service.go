// Package app holds the payment use cases and their ports.
package app

import (
	"context"
	"errors"

	"example.com/capstone/internal/contracts"
	"example.com/capstone/internal/payment/domain"
)

// Repository stores payments, one per booking.
type Repository interface {
	Save(ctx context.Context, p domain.Payment) error
	ByBooking(ctx context.Context, bookingID string) (domain.Payment, error) // domain.ErrNotFound when absent
}

// Publisher sends an integration event.
type Publisher interface {
	Publish(ctx context.Context, eventType, subject, id string, data any) error
}

// Service authorises payments for requested bookings.
type Service struct {
	repo   Repository
	pub    Publisher
	policy domain.Policy
	newID  func() string
}

func NewService(repo Repository, pub Publisher, policy domain.Policy, newID func() string) *Service {
	return &Service{repo: repo, pub: pub, policy: policy, newID: newID}
}

// BookingRequested authorises or declines, at most once per booking.
func (s *Service) BookingRequested(ctx context.Context, e contracts.BookingRequestedV1) error {
	p, err := s.repo.ByBooking(ctx, e.BookingID)
	switch {
	case err == nil:
		// Already decided: announce the same outcome again (same event id,
		// so JetStream drops it if the first publish got through).
	case errors.Is(err, domain.ErrNotFound):
		p = s.policy.Decide(s.newID(), e.BookingID, e.PaymentMethod, e.AmountCents, e.Currency)
		if err := s.repo.Save(ctx, p); err != nil {
			return err
		}
	default:
		return err
	}
	return s.announce(ctx, p)
}

func (s *Service) announce(ctx context.Context, p domain.Payment) error {
	id := "payment-" + string(p.Outcome) + "-" + p.BookingID
	if p.Outcome == domain.Authorized {
		return s.pub.Publish(ctx, contracts.PaymentAuthorized, p.BookingID, id, contracts.PaymentAuthorizedV1{
			BookingID: p.BookingID, PaymentID: p.ID, AmountCents: p.AmountCents, Currency: p.Currency,
		})
	}
	return s.pub.Publish(ctx, contracts.PaymentDeclined, p.BookingID, id, contracts.PaymentDeclinedV1{
		BookingID: p.BookingID, PaymentID: p.ID, Reason: p.Reason,
	})
}
