// Package memory is an in-memory OrderRepository: for tests, demos and the
// first version of a service.
package memory

import (
	"context"
	"errors"
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

// Save inserts or replaces an order.
func (r *OrderRepository) Save(_ context.Context, o domain.Order) error {
	// TODO(step "Adapters: HTTP handlers and repositories"): store o under o.ID while holding r.mu.
	// Store a copy of o.Items (slices.Clone) so the caller cannot change
	// stored data through its slice.
	return errors.New("TODO: implement memory.OrderRepository.Save")
}

// FindByID returns the stored order or domain.ErrOrderNotFound.
func (r *OrderRepository) FindByID(_ context.Context, id domain.OrderID) (domain.Order, error) {
	// TODO(step "Adapters: HTTP handlers and repositories"): look the order up under r.mu.RLock and
	// return domain.ErrOrderNotFound when there is none.
	return domain.Order{}, errors.New("TODO: implement memory.OrderRepository.FindByID")
}
