// Package adapters connects the payment use cases to JetStream and storage.
package adapters

import (
	"context"
	"fmt"
	"sync"

	"example.com/capstone/internal/contracts"
	"example.com/capstone/internal/payment/app"
	"example.com/capstone/internal/payment/domain"
	"example.com/capstone/internal/platform/eventbus"
)

// MemoryRepository keeps payments by booking id.
type MemoryRepository struct {
	mu       sync.RWMutex
	payments map[string]domain.Payment
}

func NewMemoryRepository() *MemoryRepository {
	return &MemoryRepository{payments: map[string]domain.Payment{}}
}

func (r *MemoryRepository) Save(_ context.Context, p domain.Payment) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.payments[p.BookingID] = p
	return nil
}

func (r *MemoryRepository) ByBooking(_ context.Context, bookingID string) (domain.Payment, error) {
	r.mu.RLock()
	defer r.mu.RUnlock()
	p, ok := r.payments[bookingID]
	if !ok {
		return domain.Payment{}, domain.ErrNotFound
	}
	return p, nil
}

// Len is the number of payments stored.
func (r *MemoryRepository) Len() int {
	r.mu.RLock()
	defer r.mu.RUnlock()
	return len(r.payments)
}

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
		return svc.BookingRequested(ctx, e)
	}
}
