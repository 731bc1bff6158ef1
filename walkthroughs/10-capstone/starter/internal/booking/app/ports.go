// Package app holds the booking use cases. It depends on the domain and on
// ports (interfaces) that adapters implement; it knows nothing of HTTP, NATS
// or SQL.
package app

import (
	"context"

	"example.com/capstone/internal/booking/domain"
)

// Store keeps bookings, slot holds, the outbox and the inbox in one database.
type Store interface {
	// InTx runs fn in one transaction: everything fn writes (state, holds,
	// outbox rows, inbox entry) commits together, or nothing does when fn
	// returns an error.
	InTx(ctx context.Context, fn func(Tx) error) error
	// Get reads a booking outside any transaction; domain.ErrNotFound when absent.
	Get(ctx context.Context, id string) (domain.Booking, error)
}

// Tx is the work one transaction can do.
type Tx interface {
	// FirstDelivery records eventID in the inbox; false when it is already
	// there, and then the caller must change nothing (a redelivery).
	FirstDelivery(ctx context.Context, eventID string) (bool, error)
	// Lock reads a booking and locks it until the transaction ends;
	// domain.ErrNotFound when absent.
	Lock(ctx context.Context, id string) (domain.Booking, error)
	// Insert stores a new booking; Update stores a changed one.
	Insert(ctx context.Context, b domain.Booking) error
	Update(ctx context.Context, b domain.Booking) error
	// Hold takes one place on slotID, or returns domain.ErrSlotUnavailable
	// when the slot is full; Release gives one back.
	Hold(ctx context.Context, slotID string) error
	Release(ctx context.Context, slotID string) error
	// Publish adds an event to the outbox; it is sent after the commit.
	Publish(ctx context.Context, e Event) error
}

// Event is an integration event to publish; Type is a contracts.* constant.
type Event struct {
	Type    string
	Subject string // the booking id
	ID      string // deterministic for derived events, random for new ones
	Data    any
}
