package events

import (
	"context"
	"encoding/json"
	"fmt"
)

// OrderProjection keeps a ReadModel up to date from the order events: the
// only writer of the query side. It can be fed the whole history from the
// start (a new or rebuilt read model) and the same event again (at-least-once
// delivery): an event id it has applied changes nothing.
type OrderProjection struct {
	model *ReadModel
}

func NewOrderProjection(model *ReadModel) *OrderProjection {
	return &OrderProjection{model: model}
}

// SubscribeTo makes the projection a subscriber of every order event on bus.
func (p *OrderProjection) SubscribeTo(bus *Bus) {
	for _, t := range []string{"order.created", "payment.captured", "order.shipped"} {
		bus.Subscribe(t, p.Apply)
	}
}

// Apply applies one event to the read model, once per event id. Unknown
// types are skipped; a payload that does not decode is an error, and the
// event is not marked applied, so a redelivery tries again.
func (p *OrderProjection) Apply(_ context.Context, e Event) error {
	m := p.model
	m.mu.Lock()
	defer m.mu.Unlock() // the check, the row change and the mark: one step
	if m.applied[e.ID] {
		return nil // a redelivery: already in the rows
	}
	switch e.Type {
	case "order.created":
		var d OrderCreated
		if err := decode(e, &d); err != nil {
			return err
		}
		v := m.orders[d.OrderID]
		v.OrderID, v.CustomerID, v.Status, v.TotalCents = d.OrderID, d.CustomerID, "created", d.TotalCents
		m.orders[d.OrderID] = v
	case "payment.captured":
		var d PaymentCaptured
		if err := decode(e, &d); err != nil {
			return err
		}
		v := m.orders[d.OrderID]
		v.OrderID = d.OrderID
		v.PaidCents += d.AmountCents // not idempotent by itself: the applied ids make it so
		if v.PaidCents >= v.TotalCents {
			v.Status = "paid"
		}
		m.orders[d.OrderID] = v
	case "order.shipped":
		var d OrderShipped
		if err := decode(e, &d); err != nil {
			return err
		}
		v := m.orders[d.OrderID]
		v.OrderID, v.Status, v.TrackingID = d.OrderID, "shipped", d.TrackingID
		m.orders[d.OrderID] = v
	default:
		return nil // a type this read model does not show
	}
	m.applied[e.ID] = true
	return nil
}

func decode(e Event, into any) error {
	if err := json.Unmarshal(e.Data, into); err != nil {
		return fmt.Errorf("event %s (%s): %w", e.ID, e.Type, err)
	}
	return nil
}
