package eventbus

import "sync"

// Inbox remembers which events a consumer has already processed, so a
// redelivered event (same CloudEvents id) is acknowledged without effect.
// The three services do not use it: an in-memory inbox forgets on restart
// and is not shared by replicas. They keep their inbox in PostgreSQL,
// written in the transaction of the state change (package outbox,
// FirstDelivery), and pass a nil Inbox to the subscriber. MemoryInbox stays
// for the subscriber's own tests.
type Inbox interface {
	Seen(consumer, eventID string) bool
	Mark(consumer, eventID string)
}

// MemoryInbox is an Inbox for one process.
type MemoryInbox struct {
	mu   sync.Mutex
	seen map[string]struct{}
}

// NewMemoryInbox returns an empty inbox.
func NewMemoryInbox() *MemoryInbox { return &MemoryInbox{seen: map[string]struct{}{}} }

func (i *MemoryInbox) Seen(consumer, eventID string) bool {
	i.mu.Lock()
	defer i.mu.Unlock()
	_, ok := i.seen[consumer+"/"+eventID]
	return ok
}

func (i *MemoryInbox) Mark(consumer, eventID string) {
	i.mu.Lock()
	defer i.mu.Unlock()
	i.seen[consumer+"/"+eventID] = struct{}{}
}
