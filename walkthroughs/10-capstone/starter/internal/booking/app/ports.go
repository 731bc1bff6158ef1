// Package app holds the booking use cases. It depends on the domain and on
// ports (interfaces) that adapters implement; it knows nothing of HTTP or NATS.
package app

import (
	"context"

	"example.com/capstone/internal/booking/domain"
)

// Repository stores bookings.
type Repository interface {
	Save(ctx context.Context, b domain.Booking) error
	Get(ctx context.Context, id string) (domain.Booking, error) // domain.ErrNotFound when absent
}

// Publisher sends an integration event; eventType is a contracts.* constant.
type Publisher interface {
	Publish(ctx context.Context, eventType, subject, id string, data any) error
}
