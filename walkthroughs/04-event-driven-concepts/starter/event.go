// Package events shows the core ideas of event-driven systems in memory:
// an event envelope (metadata + payload), publish/subscribe, an idempotent
// consumer, and event sourcing (state rebuilt from events).
package events

import (
	"encoding/json"
	"time"
)

// Event is one fact that happened, as it travels between services: metadata
// every event has, and a payload specific to its type.
type Event struct {
	// ID is unique per event; consumers use it to detect redeliveries.
	ID string
	// Type is the event's name, e.g. "order.created": subject, then a
	// past-tense verb.
	Type string
	// Source identifies the producer, e.g. "/services/order-service".
	Source string
	// OccurredAt is when the fact happened (not when it was delivered).
	OccurredAt time.Time
	// CorrelationID ties together every event of one business flow.
	CorrelationID string
	// Data is the payload, as JSON.
	Data json.RawMessage
}

// OrderCreated is the payload of "order.created".
type OrderCreated struct {
	OrderID    string `json:"orderId"`
	CustomerID string `json:"customerId"`
	TotalCents int64  `json:"totalCents"`
	Currency   string `json:"currency"`
}

// PaymentCaptured is the payload of "payment.captured".
type PaymentCaptured struct {
	OrderID     string `json:"orderId"`
	PaymentID   string `json:"paymentId"`
	AmountCents int64  `json:"amountCents"`
}

// OrderShipped is the payload of "order.shipped".
type OrderShipped struct {
	OrderID    string `json:"orderId"`
	TrackingID string `json:"trackingId"`
}
