// Package domain holds the Order aggregate. It imports nothing outward.
package domain

import (
	"errors"
	"fmt"
	"strings"
	"time"
)

// Status is where an order is in its life.
type Status string

const (
	StatusPending   Status = "pending"   // placed, waiting for Inventory
	StatusConfirmed Status = "confirmed" // stock reserved
	StatusRejected  Status = "rejected"  // stock could not be reserved
)

// Line is one product and how many of it.
type Line struct {
	SKU      string `json:"sku"`
	Quantity int    `json:"quantity"`
}

// Order is the aggregate root.
type Order struct {
	ID         string
	CustomerID string
	Lines      []Line
	Status     Status
	Reason     string
	PlacedAt   time.Time
}

// ErrInvalidOrder is returned for an order that cannot be placed.
var ErrInvalidOrder = errors.New("invalid order")

// ErrTransition is returned for a status change the order does not allow.
var ErrTransition = errors.New("status change not allowed")

// NewOrder checks the lines and returns a pending order.
func NewOrder(id, customerID string, lines []Line, now time.Time) (Order, error) {
	if strings.TrimSpace(customerID) == "" {
		return Order{}, fmt.Errorf("%w: customerId is required", ErrInvalidOrder)
	}
	if len(lines) == 0 {
		return Order{}, fmt.Errorf("%w: at least one item is required", ErrInvalidOrder)
	}
	for i, l := range lines {
		if strings.TrimSpace(l.SKU) == "" || l.Quantity <= 0 {
			return Order{}, fmt.Errorf("%w: item %d needs a sku and a positive quantity", ErrInvalidOrder, i)
		}
	}
	return Order{ID: id, CustomerID: customerID, Lines: append([]Line(nil), lines...), Status: StatusPending, PlacedAt: now}, nil
}

// Confirm records that the stock was reserved. Confirming twice is a no-op,
// so a redelivered event changes nothing.
func (o *Order) Confirm() error { return o.settle(StatusConfirmed, "") }

// Reject records that the stock could not be reserved.
func (o *Order) Reject(reason string) error { return o.settle(StatusRejected, reason) }

func (o *Order) settle(to Status, reason string) error {
	if o.Status == to {
		return nil
	}
	if o.Status != StatusPending {
		return fmt.Errorf("%w: %s -> %s", ErrTransition, o.Status, to)
	}
	o.Status, o.Reason = to, reason
	return nil
}
