// Package domain holds the enterprise rules: the Order entity and the errors
// that describe its failures. It imports nothing but the standard library's
// basics: no HTTP, no SQL, no JSON tags. Every other layer depends on it.
package domain

import (
	"errors"
	"time"
)

// OrderID identifies an order. A named type stops an order id from being
// passed where a customer id is expected.
type OrderID string

// Status is where an order is in its life.
type Status string

const (
	StatusPending   Status = "pending"
	StatusConfirmed Status = "confirmed"
)

// Item is one line of an order. Money is in integer cents: never use float64
// for money.
type Item struct {
	SKU            string
	Quantity       int
	UnitPriceCents int64
}

// Order is the entity at the centre of this module.
type Order struct {
	ID         OrderID
	CustomerID string
	Items      []Item
	Status     Status
	CreatedAt  time.Time
}

var (
	// ErrInvalidOrder is wrapped by every validation failure of NewOrder.
	ErrInvalidOrder = errors.New("invalid order")
	// ErrOrderNotFound is returned by repositories when no order has the id.
	ErrOrderNotFound = errors.New("order not found")
)

// NewOrder builds a pending order and enforces the rules every order obeys.
// Errors wrap ErrInvalidOrder, so callers can test with errors.Is.
func NewOrder(id OrderID, customerID string, items []Item, now time.Time) (Order, error) {
	// TODO(step "The domain: the Order entity"): enforce the rules before building the order:
	// a non-empty id and customer id, at least one item, and for every item a
	// SKU, a quantity > 0 and a price >= 0. Return errors that wrap
	// ErrInvalidOrder: fmt.Errorf("%w: no items", ErrInvalidOrder).
	// Keep your own copy of items: the caller's slice may change later.
	return Order{
		ID:         id,
		CustomerID: customerID,
		Items:      items,
		Status:     StatusPending,
		CreatedAt:  now.UTC(),
	}, nil
}

// TotalCents is the sum of quantity × unit price over all items.
func (o Order) TotalCents() int64 {
	// TODO(step "The domain: the Order entity"): sum quantity × unit price over o.Items.
	return 0
}
