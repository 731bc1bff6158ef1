package domain

// SlotHolds reserves capacity on a slot while a booking waits for payment.
// Releasing a hold is the saga's compensating action.
type SlotHolds interface {
	// Hold reserves one place on slotID for bookingID, or returns ErrSlotUnavailable.
	Hold(slotID, bookingID string) error
	// Release frees the place; releasing an unknown hold does nothing.
	Release(slotID, bookingID string)
}
