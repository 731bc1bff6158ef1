// Package adapters connects the payment use cases to JetStream and PostgreSQL.
package adapters

import (
	"context"
	"fmt"

	"example.com/capstone/internal/contracts"
	"example.com/capstone/internal/payment/app"
	"example.com/capstone/internal/platform/eventbus"
)

// BookingRequests is the payment service's consumer.
var BookingRequests = eventbus.ConsumerConfig{
	Name:     "payment-booking-requests",
	Stream:   "BOOKING",
	Subjects: []string{contracts.BookingRequested},
}

// BookingRequestedHandler decodes booking.requested and authorises.
func BookingRequestedHandler(svc *app.Service) eventbus.Handler {
	return func(ctx context.Context, env eventbus.Envelope) error {
		if env.Type != contracts.BookingRequested {
			return eventbus.Permanent(fmt.Errorf("unexpected event type %q", env.Type))
		}
		var e contracts.BookingRequestedV1
		if err := env.Decode(&e); err != nil {
			return eventbus.Permanent(err)
		}
		if e.BookingID == "" {
			return eventbus.Permanent(fmt.Errorf("booking.requested %s has no bookingId", env.ID))
		}
		return svc.BookingRequested(ctx, env.ID, e)
	}
}
