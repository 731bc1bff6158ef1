package events

import (
	"encoding/json"
	"fmt"
)

// OrderState is an order's current state, derived from its events: with
// event sourcing the events are the source of truth and this is a fold over
// them.
type OrderState struct {
	OrderID    string
	Status     string // "created", "paid", "shipped"
	TotalCents int64
	PaidCents  int64
	TrackingID string
}

// Replay rebuilds an order's state from its events, oldest first. Unknown
// event types are skipped; a payload that does not decode is an error.
func Replay(history []Event) (OrderState, error) {
	var s OrderState
	for _, e := range history {
		switch e.Type {
		case "order.created":
			var p OrderCreated
			if err := json.Unmarshal(e.Data, &p); err != nil {
				return OrderState{}, fmt.Errorf("event %s (%s): %w", e.ID, e.Type, err)
			}
			s.OrderID, s.Status, s.TotalCents = p.OrderID, "created", p.TotalCents
			// TODO(step "Hands-on: pub/sub, idempotency and replay in Go"): handle
			// "payment.captured" (add AmountCents to PaidCents; the status
			// becomes "paid" once PaidCents >= TotalCents) and "order.shipped"
			// (status "shipped", TrackingID).
		}
	}
	return s, nil
}
