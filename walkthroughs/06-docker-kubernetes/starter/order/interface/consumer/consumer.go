// Package consumer subscribes the Order use cases to Inventory's events.
package consumer

import (
	"context"
	"errors"

	"example.com/shop/order/domain"
	"example.com/shop/order/usecase"
	"example.com/shop/platform/event"
	"example.com/shop/platform/messaging"
)

// SubscriptionName is the durable consumer / consumer group of this service.
const SubscriptionName = "order"

// Start subscribes to inventory.reserved and inventory.rejected.
func Start(ctx context.Context, sub messaging.Subscriber, orders *usecase.Orders) (func(), error) {
	return sub.Subscribe(ctx, messaging.Subscription{
		Name:       SubscriptionName,
		EventTypes: []string{usecase.TypeInventoryReserved, usecase.TypeInventoryRejected},
	}, func(ctx context.Context, e event.Envelope) error {
		err := orders.ApplyInventoryResult(ctx, e)
		// An unknown order or an impossible transition will not heal on retry.
		if errors.Is(err, usecase.ErrNotFound) || errors.Is(err, domain.ErrTransition) {
			return messaging.Permanent(err)
		}
		return err
	})
}
