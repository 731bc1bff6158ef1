// Package usecase holds what Inventory does: reserve stock for a new order,
// exactly once per order.created event, and answer with an event.
package usecase

import (
	"context"
	"errors"
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
	var oc OrderCreated
	if err := e.Decode(&oc); err != nil || oc.OrderID == "" {
		return messaging.Permanent(errors.Join(errors.New("order.created without orderId"), err))
	}
	_, err := r.store.ApplyOnce(ctx, e.ID, func(stock domain.Stock) ([]event.Envelope, error) {
		if err := stock.Reserve(oc.Items); err != nil {
			if !errors.Is(err, domain.ErrInsufficientStock) {
				return nil, err
			}
			out, encErr := event.New(TypeInventoryRejected, Source, oc.OrderID, Rejected{OrderID: oc.OrderID, Reason: err.Error()})
			return []event.Envelope{out}, encErr
		}
		out, err := event.New(TypeInventoryReserved, Source, oc.OrderID, Reserved{OrderID: oc.OrderID, Items: oc.Items, ReservedAt: time.Now().UTC()})
		return []event.Envelope{out}, err
	})
	return err
}
