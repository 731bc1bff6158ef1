// Package messaging holds the ports the use cases depend on: publish an
// event, subscribe a handler. The NATS JetStream and Kafka adapters live in
// sub-packages and are picked at start-up (see busenv), so no use case knows
// which broker carries its events.
package messaging

import (
	"context"
	"errors"

	"example.com/shop/platform/event"
)

// Handler processes one event. Returning nil acknowledges it; an error asks
// for a redelivery later, unless the error is Permanent.
type Handler func(ctx context.Context, e event.Envelope) error

// Publisher puts events on the broker. Publishing the same event id twice
// must not give consumers two copies where the broker can prevent it.
type Publisher interface {
	Publish(ctx context.Context, e event.Envelope) error
}

// Subscription names a durable consumer (a consumer group in Kafka terms)
// and the event types it wants.
type Subscription struct {
	Name       string
	EventTypes []string
}

// Subscriber delivers events to a handler at least once until stop is called.
type Subscriber interface {
	Subscribe(ctx context.Context, s Subscription, h Handler) (stop func(), err error)
}

// Bus is a connected broker adapter.
type Bus interface {
	Publisher
	Subscriber
	// Ready reports nil once the broker is reachable and set up.
	Ready() error
	Close() error
}

type permanentError struct{ err error }

func (p permanentError) Error() string { return "permanent: " + p.err.Error() }
func (p permanentError) Unwrap() error { return p.err }

// Permanent marks an error that no redelivery can fix (a malformed event):
// the adapters send such an event straight to the dead-letter subject.
func Permanent(err error) error { return permanentError{err} }

// IsPermanent reports whether err was marked with Permanent.
func IsPermanent(err error) bool {
	var p permanentError
	return errors.As(err, &p)
}

// DeadLetterSubject is where a subscription's failed events go.
func DeadLetterSubject(subscription string) string { return "dlq." + subscription }
