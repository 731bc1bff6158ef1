// Package memstore is Inventory's in-memory store: stock, processed event
// ids (for the idempotent consumer) and the outbox, all behind one lock.
package memstore

import (
	"context"
	"maps"
	"sync"

	"example.com/shop/inventory/domain"
	"example.com/shop/inventory/usecase"
	"example.com/shop/platform/event"
	"example.com/shop/platform/outbox"
)

// Store implements usecase.Store and outbox.Store.
type Store struct {
	mu        sync.Mutex
	stock     domain.Stock
	processed map[string]bool
	applied   int
	outbox    outbox.Memory
}

var (
	_ usecase.Store = (*Store)(nil)
	_ outbox.Store  = (*Store)(nil)
)

// New returns a store with the given stock.
func New(stock domain.Stock) *Store {
	return &Store{stock: maps.Clone(stock), processed: map[string]bool{}}
}

// ApplyOnce runs decide on a copy of the stock and commits the copy, the
// processed id and the events together; a processed id is skipped.
func (s *Store) ApplyOnce(_ context.Context, eventID string, decide func(domain.Stock) ([]event.Envelope, error)) (bool, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.processed[eventID] {
		return false, nil
	}
	next := maps.Clone(s.stock)
	events, err := decide(next)
	if err != nil {
		return false, err
	}
	s.stock = next
	s.processed[eventID] = true
	s.applied++
	s.outbox.Add(events...)
	return true, nil
}

// Available returns the units of a product in stock.
func (s *Store) Available(sku string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.stock[sku]
}

// Applied counts the order.created events that changed the store.
func (s *Store) Applied() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.applied
}

// Pending returns unpublished events.
func (s *Store) Pending(_ context.Context, limit int) ([]event.Envelope, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.outbox.Pending(limit), nil
}

// MarkPublished removes a published event.
func (s *Store) MarkPublished(_ context.Context, id string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.outbox.Remove(id)
	return nil
}
