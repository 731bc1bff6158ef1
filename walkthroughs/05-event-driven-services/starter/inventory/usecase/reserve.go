// Package usecase holds what Inventory does: reserve stock for a new order,
// exactly once per order.created event, and answer with an event.
package usecase

import (
	"context"
	"time"

	"example.com/shop/inventory/domain"
	"example.com/shop/platform/event"
	"example.com/shop/platform/messaging"
)

// Event types.
const (
	TypeOrderCreated      = "order.created"
	TypeInventoryReserved = "inventory.reserved"
	TypeInventoryRejected = "inventory.rejected"
	Source                = "/services/inventory"
)

// OrderCreated is the part of order.created that Inventory reads.
type OrderCreated struct {
	OrderID string        `json:"orderId"`
	Items   []domain.Item `json:"items"`
}

// Reserved is the data of inventory.reserved.
type Reserved struct {
	OrderID    string        `json:"orderId"`
	Items      []domain.Item `json:"items"`
	ReservedAt time.Time     `json:"reservedAt"`
}

// Rejected is the data of inventory.rejected.
type Rejected struct {
	OrderID string `json:"orderId"`
	Reason  string `json:"reason"`
}

// Store keeps the stock, the ids of processed events and the outbox.
type Store interface {
	// ApplyOnce runs decide on the stock unless eventID was processed before.
	// The stock change, the processed id and the returned events are stored
	// together; applied is false for an event seen before.
	ApplyOnce(ctx context.Context, eventID string, decide func(domain.Stock) ([]event.Envelope, error)) (applied bool, err error)
}

// Reservations is the use-case service.
type Reservations struct{ store Store }

// NewReservations wires the service.
func NewReservations(store Store) *Reservations { return &Reservations{store: store} }

// HandleOrderCreated reserves the order's items, or rejects the order, and
// records the event id so a redelivery of the same event changes nothing.
func (r *Reservations) HandleOrderCreated(ctx context.Context, e event.Envelope) error {
	// TODO(step reserve-stock):
	//  1. Decode e's data into an OrderCreated; when that fails or OrderID is
	//     empty, return messaging.Permanent(err): no retry can fix it.
	//  2. Call r.store.ApplyOnce(ctx, e.ID, decide). In decide, stock.Reserve
	//     the items; on domain.ErrInsufficientStock return one
	//     inventory.rejected event (event.New(TypeInventoryRejected, Source,
	//     orderID, Rejected{...})), otherwise one inventory.reserved event.
	return nil
}

// Keep the imports the TODO needs.
var _ = messaging.Permanent
