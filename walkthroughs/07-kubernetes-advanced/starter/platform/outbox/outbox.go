// Package outbox publishes events that a service stored together with its
// own data. Storing first and publishing after means a crash between the two
// loses nothing: the relay publishes the event on the next run, and the
// broker drops a second copy by its id (Nats-Msg-Id).
package outbox

import (
	"context"
	"log/slog"
	"time"

	"example.com/shop/platform/event"
	"example.com/shop/platform/messaging"
)

// Store is the outbox side of a service's repository.
type Store interface {
	Pending(ctx context.Context, limit int) ([]event.Envelope, error)
	MarkPublished(ctx context.Context, id string) error
}

// Memory is an outbox table for in-memory stores; the owner guards it with
// the same lock as its own data.
type Memory struct{ events []event.Envelope }

// Add appends events.
func (m *Memory) Add(events ...event.Envelope) { m.events = append(m.events, events...) }

// Pending returns up to limit events, oldest first.
func (m *Memory) Pending(limit int) []event.Envelope {
	n := min(limit, len(m.events))
	return append([]event.Envelope(nil), m.events[:n]...)
}

// Remove drops the event with this id.
func (m *Memory) Remove(id string) {
	for i, e := range m.events {
		if e.ID == id {
			m.events = append(m.events[:i], m.events[i+1:]...)
			return
		}
	}
}

// Relay moves events from a Store to a Publisher.
type Relay struct {
	Store     Store
	Publisher messaging.Publisher
	Interval  time.Duration
	Logger    *slog.Logger
	wake      chan struct{}
}

// NewRelay returns a relay that polls every interval (and on Wake).
func NewRelay(store Store, pub messaging.Publisher, interval time.Duration) *Relay {
	return &Relay{Store: store, Publisher: pub, Interval: interval, Logger: slog.Default(), wake: make(chan struct{}, 1)}
}

// Wake asks for a run now, e.g. right after a write.
func (r *Relay) Wake() {
	select {
	case r.wake <- struct{}{}:
	default:
	}
}

// Flush publishes pending events once; it stops at the first failure so
// events keep their order.
func (r *Relay) Flush(ctx context.Context) (int, error) {
	events, err := r.Store.Pending(ctx, 100)
	if err != nil {
		return 0, err
	}
	for i, e := range events {
		if err := r.Publisher.Publish(ctx, e); err != nil {
			return i, err
		}
		if err := r.Store.MarkPublished(ctx, e.ID); err != nil {
			return i, err
		}
	}
	return len(events), nil
}

// Run flushes until ctx ends.
func (r *Relay) Run(ctx context.Context) {
	t := time.NewTicker(r.Interval)
	defer t.Stop()
	for {
		fctx, cancel := context.WithTimeout(ctx, 5*time.Second)
		if _, err := r.Flush(fctx); err != nil && ctx.Err() == nil {
			r.Logger.Warn("outbox flush failed; will retry", "err", err)
		}
		cancel()
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		case <-r.wake:
		}
	}
}
