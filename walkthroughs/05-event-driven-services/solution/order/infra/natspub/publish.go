// Package natspub publishes Order's events straight to NATS JetStream.
package natspub

import (
	"context"
	"fmt"

	"github.com/nats-io/nats.go/jetstream"

	"example.com/shop/order/usecase"
	"example.com/shop/platform/event"
)

// PublishOrderCreated wraps oc in an event envelope and publishes it on the
// order.created subject with the envelope's id as Nats-Msg-Id, so the stream
// drops a second copy of the same event. It returns once the broker has
// acknowledged that the stream stored the event, or with the broker's error:
// a nil error means the event is safe.
func PublishOrderCreated(ctx context.Context, js jetstream.JetStream, oc usecase.OrderCreated) (event.Envelope, error) {
	e, err := event.New(usecase.TypeOrderCreated, usecase.Source, oc.OrderID, oc)
	if err != nil {
		return event.Envelope{}, err
	}
	data, err := e.Marshal()
	if err != nil {
		return event.Envelope{}, err
	}
	if _, err := js.Publish(ctx, e.Type, data, jetstream.WithMsgID(e.ID)); err != nil {
		return event.Envelope{}, fmt.Errorf("publish %s %s: %w", e.Type, e.ID, err)
	}
	return e, nil
}
