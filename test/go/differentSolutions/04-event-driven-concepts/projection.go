package events

import (
	"context"
	"encoding/json"
	"fmt"
)

type OrderProjection struct {
	model *ReadModel
}

func NewOrderProjection(model *ReadModel) *OrderProjection {
	return &OrderProjection{model: model}
}

func (p *OrderProjection) SubscribeTo(bus *Bus) {
	for _, t := range []string{"order.created", "payment.captured", "order.shipped"} {
		bus.Subscribe(t, p.Apply)
	}
}

// change computes the row's change without touching the model, so a bad
// payload leaves everything as it was.
type change func(m *ReadModel)

func (p *OrderProjection) Apply(_ context.Context, e Event) error {
	p.model.lock.Lock()
	defer p.model.lock.Unlock()
	if _, dup := p.model.seen[e.ID]; dup {
		return nil
	}
	c, err := changeFor(e)
	if err != nil {
		return fmt.Errorf("projecting %s: %w", e.ID, err)
	}
	if c == nil {
		return nil
	}
	c(p.model)
	p.model.seen[e.ID] = struct{}{}
	return nil
}

func row(m *ReadModel, id string) *OrderView {
	r := m.rows[id]
	if r == nil {
		r = &OrderView{OrderID: id}
		m.rows[id] = r
	}
	return r
}

func changeFor(e Event) (change, error) {
	switch e.Type {
	case "order.created":
		var d OrderCreated
		if err := json.Unmarshal(e.Data, &d); err != nil {
			return nil, err
		}
		return func(m *ReadModel) {
			r := row(m, d.OrderID)
			r.CustomerID, r.TotalCents, r.Status = d.CustomerID, d.TotalCents, "created"
			if m.byCustomer[d.CustomerID] == nil {
				m.byCustomer[d.CustomerID] = map[string]struct{}{}
			}
			m.byCustomer[d.CustomerID][d.OrderID] = struct{}{}
		}, nil
	case "payment.captured":
		var d PaymentCaptured
		if err := json.Unmarshal(e.Data, &d); err != nil {
			return nil, err
		}
		return func(m *ReadModel) {
			r := row(m, d.OrderID)
			r.PaidCents += d.AmountCents
			if r.PaidCents >= r.TotalCents {
				r.Status = "paid"
			}
		}, nil
	case "order.shipped":
		var d OrderShipped
		if err := json.Unmarshal(e.Data, &d); err != nil {
			return nil, err
		}
		return func(m *ReadModel) {
			r := row(m, d.OrderID)
			r.Status, r.TrackingID = "shipped", d.TrackingID
		}, nil
	}
	return nil, nil
}
