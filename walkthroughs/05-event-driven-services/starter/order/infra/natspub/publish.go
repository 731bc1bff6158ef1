// Package natspub publishes Order's events straight to NATS JetStream.
package natspub

import (
	"context"
	"errors"

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
	// TODO(step publisher):
	//  1. Build the envelope: event.New(usecase.TypeOrderCreated, usecase.Source, oc.OrderID, oc).
	//  2. Encode it with e.Marshal().
	//  3. Publish the bytes on e.Type with js.Publish and jetstream.WithMsgID(e.ID).
	//     js.Publish waits for the broker's acknowledgement: return its error.
	//  4. Return the envelope, so the caller knows the event's id.
	_, _, _ = ctx, js, oc
	return event.Envelope{}, errors.New("TODO(step publisher): PublishOrderCreated is not written yet")
}
