// Package memstore is an in-memory Order repository with an outbox. A real
// service would use Postgres and one transaction for the order row and the
// outbox row; a mutex plays that transaction here.
package memstore

import (
	"context"
	"fmt"
	"sync"

	"example.com/shop/order/domain"
	"example.com/shop/order/usecase"
	"example.com/shop/platform/event"
	"example.com/shop/platform/outbox"
)

// Store keeps orders and pending events in memory.
type Store struct {
	mu     sync.Mutex
	orders map[string]domain.Order
	outbox outbox.Memory
}

var (
	_ usecase.Repository = (*Store)(nil)
	_ outbox.Store       = (*Store)(nil)
)

// New returns an empty store.
func New() *Store { return &Store{orders: map[string]domain.Order{}} }

// Create stores the order and its events together.
func (s *Store) Create(_ context.Context, o domain.Order, events ...event.Envelope) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, dup := s.orders[o.ID]; dup {
		return fmt.Errorf("order %s exists", o.ID)
	}
	s.orders[o.ID] = o
	s.outbox.Add(events...)
	return nil
}

// Get returns a copy of an order.
func (s *Store) Get(_ context.Context, id string) (domain.Order, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	o, ok := s.orders[id]
	if !ok {
		return domain.Order{}, fmt.Errorf("%w: %s", usecase.ErrNotFound, id)
	}
	return o, nil
}

// Update applies change under the lock and keeps the result if it succeeds.
func (s *Store) Update(_ context.Context, id string, change func(*domain.Order) error) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	o, ok := s.orders[id]
	if !ok {
		return fmt.Errorf("%w: %s", usecase.ErrNotFound, id)
	}
	if err := change(&o); err != nil {
		return err
	}
	s.orders[id] = o
	return nil
}

// Pending returns events not yet published.
func (s *Store) Pending(_ context.Context, limit int) ([]event.Envelope, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.outbox.Pending(limit), nil
}

// MarkPublished removes a published event from the outbox.
func (s *Store) MarkPublished(_ context.Context, id string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.outbox.Remove(id)
	return nil
}
