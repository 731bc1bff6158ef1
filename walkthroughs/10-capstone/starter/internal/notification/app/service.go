// Package app holds the notification use cases and their port.
package app

import (
	"context"

	"example.com/capstone/internal/contracts"
	"example.com/capstone/internal/notification/domain"
)

// Sender delivers a message (SMTP, a mail API, or a fake sink).
type Sender interface {
	Send(ctx context.Context, m domain.Message) error
}

// Service tells customers how their booking ended.
type Service struct{ sender Sender }

func NewService(sender Sender) *Service { return &Service{sender: sender} }

func (s *Service) BookingConfirmed(ctx context.Context, e contracts.BookingConfirmedV1) error {
	return s.sender.Send(ctx, domain.Confirmation(e.BookingID, e.SlotID, e.CustomerEmail))
}

func (s *Service) BookingCancelled(ctx context.Context, e contracts.BookingCancelledV1) error {
	return s.sender.Send(ctx, domain.Cancellation(e.BookingID, e.SlotID, e.CustomerEmail, e.Reason))
}
