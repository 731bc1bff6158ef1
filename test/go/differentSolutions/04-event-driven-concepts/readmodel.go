package events

import (
	"sort"
	"sync"
)

// OrderView is one order as the screens show it.
type OrderView struct {
	OrderID    string
	CustomerID string
	Status     string
	TotalCents int64
	PaidCents  int64
	TrackingID string
}

// ReadModel: rows by order, an index by customer, and the event ids seen, all behind one mutex.
type ReadModel struct {
	lock       sync.Mutex
	rows       map[string]*OrderView
	byCustomer map[string]map[string]struct{}
	seen       map[string]struct{}
}

func NewReadModel() *ReadModel {
	return &ReadModel{rows: map[string]*OrderView{}, byCustomer: map[string]map[string]struct{}{}, seen: map[string]struct{}{}}
}

func (m *ReadModel) Order(orderID string) (OrderView, bool) {
	m.lock.Lock()
	defer m.lock.Unlock()
	if r := m.rows[orderID]; r != nil {
		return *r, true
	}
	return OrderView{}, false
}

func (m *ReadModel) OrdersOf(customerID string) []OrderView {
	m.lock.Lock()
	defer m.lock.Unlock()
	ids := make([]string, 0, len(m.byCustomer[customerID]))
	for id := range m.byCustomer[customerID] {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	out := make([]OrderView, len(ids))
	for i, id := range ids {
		out[i] = *m.rows[id]
	}
	return out
}
