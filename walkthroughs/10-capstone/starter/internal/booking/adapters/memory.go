// Package adapters connects the booking use cases to the outside world:
// HTTP, JetStream and in-memory storage.
package adapters

import (
	"context"
	"sync"

	"example.com/capstone/internal/booking/domain"
)

// MemoryRepository keeps bookings in a map (one replica; a database in production).
type MemoryRepository struct {
	mu       sync.RWMutex
	bookings map[string]domain.Booking
}

func NewMemoryRepository() *MemoryRepository {
	return &MemoryRepository{bookings: map[string]domain.Booking{}}
}

func (r *MemoryRepository) Save(_ context.Context, b domain.Booking) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.bookings[b.ID] = b
	return nil
}

func (r *MemoryRepository) Get(_ context.Context, id string) (domain.Booking, error) {
	r.mu.RLock()
	defer r.mu.RUnlock()
	b, ok := r.bookings[id]
	if !ok {
		return domain.Booking{}, domain.ErrNotFound
	}
	return b, nil
}

// MemorySlotHolds gives every slot the same capacity.
type MemorySlotHolds struct {
	mu       sync.Mutex
	capacity int
	holds    map[string]map[string]struct{} // slot -> booking ids
}

func NewMemorySlotHolds(capacity int) *MemorySlotHolds {
	return &MemorySlotHolds{capacity: capacity, holds: map[string]map[string]struct{}{}}
}

func (h *MemorySlotHolds) Hold(slotID, bookingID string) error {
	h.mu.Lock()
	defer h.mu.Unlock()
	held := h.holds[slotID]
	if held == nil {
		held = map[string]struct{}{}
		h.holds[slotID] = held
	}
	if _, ok := held[bookingID]; ok {
		return nil
	}
	if len(held) >= h.capacity {
		return domain.ErrSlotUnavailable
	}
	held[bookingID] = struct{}{}
	return nil
}

func (h *MemorySlotHolds) Release(slotID, bookingID string) {
	h.mu.Lock()
	defer h.mu.Unlock()
	delete(h.holds[slotID], bookingID)
}

// Held returns how many places are held on slotID.
func (h *MemorySlotHolds) Held(slotID string) int {
	h.mu.Lock()
	defer h.mu.Unlock()
	return len(h.holds[slotID])
}
