package events

import (
	"context"
	"errors"
	"sync"
)

// Handler processes one event. Returning an error means "not processed":
// a broker with at-least-once delivery would deliver the event again.
type Handler func(ctx context.Context, e Event) error

// Bus is an in-memory publish/subscribe bus. Publishers do not know who
// subscribes; every subscriber of an event type gets every event of it.
// (A real broker adds durability, retries and delivery across processes:
// module 5.)
type Bus struct {
	mu   sync.RWMutex
	subs map[string][]Handler
}

func NewBus() *Bus {
	return &Bus{subs: make(map[string][]Handler)}
}

// Subscribe registers h for events of the given type.
func (b *Bus) Subscribe(eventType string, h Handler) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.subs[eventType] = append(b.subs[eventType], h)
}

// Publish delivers e to every subscriber of e.Type, synchronously and in
// subscription order. One failing subscriber must not stop the others.
func (b *Bus) Publish(ctx context.Context, e Event) error {
	// TODO(step "Hands-on: pub/sub, idempotency and replay in Go"): copy b.subs[e.Type] under
	// b.mu.RLock, then call every handler. Collect the errors and return
	// errors.Join(errs...) (nil when there are none).
	return errors.New("TODO: implement Bus.Publish")
}
