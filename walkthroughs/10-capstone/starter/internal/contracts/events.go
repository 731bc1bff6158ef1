// Package contracts is the published language between the bounded contexts:
// event types and their payloads, documented in events/*.yaml. Contexts
// depend on these contracts, never on each other's domain packages.
package contracts

// Event types; each is also the NATS subject it is published on.
const (
	BookingRequested  = "booking.requested"
	BookingConfirmed  = "booking.confirmed"
	BookingCancelled  = "booking.cancelled"
	PaymentAuthorized = "payment.authorized"
	PaymentDeclined   = "payment.declined"
)

// BookingRequestedV1 starts the saga: a slot is held, payment is wanted.
type BookingRequestedV1 struct {
	BookingID     string `json:"bookingId"`
	SlotID        string `json:"slotId"`
	CustomerEmail string `json:"customerEmail"`
	AmountCents   int64  `json:"amountCents"`
	Currency      string `json:"currency"`
	PaymentMethod string `json:"paymentMethod"`
}

// PaymentAuthorizedV1 says the amount is reserved on the customer's card.
type PaymentAuthorizedV1 struct {
	BookingID   string `json:"bookingId"`
	PaymentID   string `json:"paymentId"`
	AmountCents int64  `json:"amountCents"`
	Currency    string `json:"currency"`
}

// PaymentDeclinedV1 says the payment was refused; the booking must be undone.
type PaymentDeclinedV1 struct {
	BookingID string `json:"bookingId"`
	PaymentID string `json:"paymentId"`
	Reason    string `json:"reason"`
}

// BookingConfirmedV1 ends the saga successfully.
type BookingConfirmedV1 struct {
	BookingID     string `json:"bookingId"`
	SlotID        string `json:"slotId"`
	CustomerEmail string `json:"customerEmail"`
	PaymentID     string `json:"paymentId"`
}

// BookingCancelledV1 ends the saga after compensation (the slot hold is released).
type BookingCancelledV1 struct {
	BookingID     string `json:"bookingId"`
	SlotID        string `json:"slotId"`
	CustomerEmail string `json:"customerEmail"`
	Reason        string `json:"reason"`
}
