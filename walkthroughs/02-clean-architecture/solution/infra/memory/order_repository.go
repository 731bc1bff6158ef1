// Package memory is an in-memory OrderRepository: for tests, demos and the
// first version of a service.
package memory

import (
	"context"
	"slices"
	"sync"

	"example.com/edgo/users/domain"
)

// OrderRepository stores orders in a map guarded by a mutex.
type OrderRepository struct {
	mu     sync.RWMutex
	orders map[domain.OrderID]domain.Order
}

func NewOrderRepository() *OrderRepository {
	return &OrderRepository{orders: make(map[domain.OrderID]domain.Order)}
}

// Save inserts or replaces an order. It stores a copy of the items so the
// caller cannot change stored data through its slice.
func (r *OrderRepository) Save(_ context.Context, o domain.Order) error {
	o.Items = slices.Clone(o.Items)
	r.mu.Lock()
	defer r.mu.Unlock()
	r.orders[o.ID] = o
	return nil
}

// FindByID returns a copy of the stored order or domain.ErrOrderNotFound.
func (r *OrderRepository) FindByID(_ context.Context, id domain.OrderID) (domain.Order, error) {
	r.mu.RLock()
	defer r.mu.RUnlock()
	o, ok := r.orders[id]
	if !ok {
		return domain.Order{}, domain.ErrOrderNotFound
	}
	o.Items = slices.Clone(o.Items)
	return o, nil
}
