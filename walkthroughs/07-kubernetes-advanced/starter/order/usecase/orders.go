// Package usecase holds what the Order service does: place an order, read
// it, and settle it from Inventory's answer. It depends on ports only.
package usecase

import (
	"context"
	"errors"
	"fmt"
	"time"

	"example.com/shop/order/domain"
	"example.com/shop/platform/event"
)

// Event types this service publishes and consumes.
const (
	TypeOrderCreated      = "order.created"
	TypeInventoryReserved = "inventory.reserved"
	TypeInventoryRejected = "inventory.rejected"
	Source                = "/services/order"
)

// ErrNotFound is returned for an unknown order id.
var ErrNotFound = errors.New("order not found")

// Repository stores orders. Create writes the order and its events to the
// outbox in one step: either both are stored or neither (the outbox pattern).
type Repository interface {
	Create(ctx context.Context, o domain.Order, outbox ...event.Envelope) error
	Get(ctx context.Context, id string) (domain.Order, error)
	// Update loads the order, applies change and stores it, atomically.
	Update(ctx context.Context, id string, change func(*domain.Order) error) error
}

// OrderCreated is the data of an order.created event.
type OrderCreated struct {
	OrderID    string        `json:"orderId"`
	CustomerID string        `json:"customerId"`
	Items      []domain.Line `json:"items"`
	PlacedAt   time.Time     `json:"placedAt"`
}

// InventoryResult is the data of inventory.reserved and inventory.rejected.
type InventoryResult struct {
	OrderID string `json:"orderId"`
	Reason  string `json:"reason,omitempty"`
}

// Orders is the use-case service.
type Orders struct {
	repo  Repository
	now   func() time.Time
	newID func() string
}

// NewOrders wires the service; now and newID may be nil.
func NewOrders(repo Repository, now func() time.Time, newID func() string) *Orders {
	if now == nil {
		now = func() time.Time { return time.Now().UTC() }
	}
	if newID == nil {
		newID = event.NewID
	}
	return &Orders{repo: repo, now: now, newID: newID}
}

// PlaceOrderInput is what a client sends.
type PlaceOrderInput struct {
	CustomerID string        `json:"customerId"`
	Items      []domain.Line `json:"items"`
}

// PlaceOrder stores a pending order and, in the same step, an order.created
// event in the outbox; the relay publishes it.
func (s *Orders) PlaceOrder(ctx context.Context, in PlaceOrderInput) (domain.Order, error) {
	o, err := domain.NewOrder(s.newID(), in.CustomerID, in.Items, s.now())
	if err != nil {
		return domain.Order{}, err
	}
	evt, err := event.New(TypeOrderCreated, Source, o.ID, OrderCreated{
		OrderID: o.ID, CustomerID: o.CustomerID, Items: o.Lines, PlacedAt: o.PlacedAt,
	})
	if err != nil {
		return domain.Order{}, err
	}
	if err := s.repo.Create(ctx, o, evt); err != nil {
		return domain.Order{}, fmt.Errorf("store order: %w", err)
	}
	return o, nil
}

// GetOrder returns an order by id.
func (s *Orders) GetOrder(ctx context.Context, id string) (domain.Order, error) {
	return s.repo.Get(ctx, id)
}

// ApplyInventoryResult settles the order from Inventory's event. Applying
// the same event twice leaves the order as it is.
func (s *Orders) ApplyInventoryResult(ctx context.Context, e event.Envelope) error {
	var r InventoryResult
	if err := e.Decode(&r); err != nil {
		return err
	}
	return s.repo.Update(ctx, r.OrderID, func(o *domain.Order) error {
		switch e.Type {
		case TypeInventoryReserved:
			return o.Confirm()
		case TypeInventoryRejected:
			return o.Reject(r.Reason)
		default:
			return fmt.Errorf("unexpected event type %q", e.Type)
		}
	})
}
