// Package consumer subscribes Inventory's use case to order.created.
package consumer

import (
	"context"

	"example.com/shop/inventory/usecase"
	"example.com/shop/platform/messaging"
)

// SubscriptionName is the durable consumer / consumer group of this service.
const SubscriptionName = "inventory"

// Start subscribes the reservations to order.created.
func Start(ctx context.Context, sub messaging.Subscriber, r *usecase.Reservations, wrap func(messaging.Handler) messaging.Handler) (func(), error) {
	h := messaging.Handler(r.HandleOrderCreated)
	if wrap != nil {
		h = wrap(h)
	}
	return sub.Subscribe(ctx, messaging.Subscription{Name: SubscriptionName, EventTypes: []string{usecase.TypeOrderCreated}}, h)
}
