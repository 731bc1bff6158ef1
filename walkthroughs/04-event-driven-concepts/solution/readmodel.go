package events

import (
	"slices"
	"strings"
	"sync"
)

// OrderView is one row of the read model, shaped for the screens that ask
// about orders: unlike OrderState (the write side's fold) it knows the
// customer, so "my orders" is one lookup, not a replay.
type OrderView struct {
	OrderID    string
	CustomerID string
	Status     string // "created", "paid", "shipped"
	TotalCents int64
	PaidCents  int64
	TrackingID string
}

// ReadModel is the query side's own store (CQRS). Only the projection writes
// it; queries read it and nothing else: no events, no replay. The ids of the
// events already applied live here too, changed under the same lock as the
// rows, as an inbox table would be written in the same transaction.
type ReadModel struct {
	mu      sync.RWMutex
	orders  map[string]OrderView // by order id
	applied map[string]bool      // event ids already in the rows
}

func NewReadModel() *ReadModel {
	return &ReadModel{orders: make(map[string]OrderView), applied: make(map[string]bool)}
}

// Order answers "where is my order?" from the read model. false means the
// read model has not seen the order (yet: it is eventually consistent).
func (m *ReadModel) Order(orderID string) (OrderView, bool) {
	m.mu.RLock()
	defer m.mu.RUnlock()
	v, ok := m.orders[orderID]
	return v, ok
}

// OrdersOf answers "my orders": the customer's orders, by order id, never nil.
func (m *ReadModel) OrdersOf(customerID string) []OrderView {
	m.mu.RLock()
	defer m.mu.RUnlock()
	out := []OrderView{}
	for _, v := range m.orders {
		if v.CustomerID == customerID {
			out = append(out, v)
		}
	}
	slices.SortFunc(out, func(a, b OrderView) int { return strings.Compare(a.OrderID, b.OrderID) })
	return out
}
