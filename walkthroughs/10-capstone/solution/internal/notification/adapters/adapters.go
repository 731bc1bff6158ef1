// Package adapters connects the notification use cases to JetStream,
// PostgreSQL and a mail sink.
package adapters

import (
	"context"
	"fmt"
	"log/slog"
	"sync"

	"example.com/capstone/internal/contracts"
	"example.com/capstone/internal/notification/app"
	"example.com/capstone/internal/notification/domain"
	"example.com/capstone/internal/platform/eventbus"
)

// MailSink is a fake mail server: it logs and keeps every message sent.
// Like SMTP it sends a message twice if asked twice, whatever its key: the
// tests count every send, so a mail the service sends twice shows.
type MailSink struct {
	mu   sync.Mutex
	log  *slog.Logger
	sent []domain.Message
}

func NewMailSink(log *slog.Logger) *MailSink {
	return &MailSink{log: log}
}

func (s *MailSink) Send(_ context.Context, m domain.Message) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.sent = append(s.sent, m)
	s.log.Info("mail sent", "to", m.To, "subject", m.Subject, "key", m.Key)
	return nil
}

// Sent returns a copy of the messages sent so far.
func (s *MailSink) Sent() []domain.Message {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]domain.Message(nil), s.sent...)
}

// BookingOutcomes is the notification service's consumer.
var BookingOutcomes = eventbus.ConsumerConfig{
	Name:     "notification-booking-outcomes",
	Stream:   "BOOKING",
	Subjects: []string{contracts.BookingConfirmed, contracts.BookingCancelled},
}

// BookingOutcomeHandler decodes booking outcomes and notifies.
func BookingOutcomeHandler(svc *app.Service) eventbus.Handler {
	return func(ctx context.Context, env eventbus.Envelope) error {
		switch env.Type {
		case contracts.BookingConfirmed:
			var e contracts.BookingConfirmedV1
			if err := env.Decode(&e); err != nil {
				return eventbus.Permanent(err)
			}
			return svc.BookingConfirmed(ctx, env.ID, e)
		case contracts.BookingCancelled:
			var e contracts.BookingCancelledV1
			if err := env.Decode(&e); err != nil {
				return eventbus.Permanent(err)
			}
			return svc.BookingCancelled(ctx, env.ID, e)
		}
		return eventbus.Permanent(fmt.Errorf("unexpected event type %q", env.Type))
	}
}
