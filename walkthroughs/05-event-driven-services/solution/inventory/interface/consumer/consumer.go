// Package consumer subscribes Inventory's use case to order.created.
package consumer

import (
	"context"

	"example.com/shop/events"
	"example.com/shop/inventory/usecase"
	"example.com/shop/platform/messaging"
)

// SubscriptionName is the durable consumer / consumer group of this service.
const SubscriptionName = "inventory"

// Start subscribes the reservations to order.created. Each payload is first
// checked against events/order.created.yaml's schema: one that breaks it is
// dead-lettered at once, with the schema's message, and never reserves stock.
func Start(ctx context.Context, sub messaging.Subscriber, r *usecase.Reservations, wrap func(messaging.Handler) messaging.Handler) (func(), error) {
	h := events.Validating(r.HandleOrderCreated)
	if wrap != nil {
		h = wrap(h)
	}
	return sub.Subscribe(ctx, messaging.Subscription{Name: SubscriptionName, EventTypes: []string{usecase.TypeOrderCreated}}, h)
}
