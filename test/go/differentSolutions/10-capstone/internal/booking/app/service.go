package app

import (
	"context"

	"example.com/capstone/internal/booking/domain"
	"example.com/capstone/internal/contracts"
)

// Service runs the booking side of the saga:
// request -> hold slot -> booking.requested; payment.authorized -> confirm;
// payment.declined -> cancel and release the hold (compensation).
//
// Every use case changes state and adds its event to the outbox in one
// transaction; it never publishes itself. So a booking is never saved
// without its event, nor an event sent for a change that rolled back.
type Service struct {
	store Store
	newID func() string
}

// NewService wires the use cases to their port.
func NewService(store Store, newID func() string) *Service {
	return &Service{store: store, newID: newID}
}

// RequestBooking is the command behind POST /bookings.
type RequestBooking struct {
	SlotID        string
	CustomerEmail string
	AmountCents   int64
	Currency      string
	PaymentMethod string
}

// Request validates, then in one transaction holds the slot, stores the
// pending booking and adds booking.requested to the outbox.
func (s *Service) Request(ctx context.Context, cmd RequestBooking) (domain.Booking, error) {
	b, err := domain.New(s.newID(), cmd.SlotID, cmd.CustomerEmail, cmd.AmountCents, cmd.Currency, cmd.PaymentMethod)
	if err != nil {
		return domain.Booking{}, err
	}
	err = s.store.InTx(ctx, func(tx Tx) error {
		if err := tx.Hold(ctx, b.SlotID); err != nil {
			return err
		}
		if err := tx.Insert(ctx, b); err != nil {
			return err
		}
		return tx.Publish(ctx, Event{Type: contracts.BookingRequested, Subject: b.ID, ID: s.newID(), Data: contracts.BookingRequestedV1{
			BookingID: b.ID, SlotID: b.SlotID, CustomerEmail: b.CustomerEmail,
			AmountCents: b.AmountCents, Currency: b.Currency, PaymentMethod: b.PaymentMethod,
		}})
	})
	if err != nil {
		return domain.Booking{}, err
	}
	return b, nil
}

// Get returns one booking.
func (s *Service) Get(ctx context.Context, id string) (domain.Booking, error) {
	return s.store.Get(ctx, id)
}

// PaymentAuthorized confirms the booking and adds booking.confirmed to the
// outbox. eventID is the payment event's id: a second delivery finds it in
// the inbox and changes nothing.
func (s *Service) PaymentAuthorized(ctx context.Context, eventID string, e contracts.PaymentAuthorizedV1) error {
	return s.store.InTx(ctx, func(tx Tx) error {
		first, err := tx.FirstDelivery(ctx, eventID)
		if err != nil || !first {
			return err
		}
		b, err := tx.Lock(ctx, e.BookingID)
		if err != nil {
			return err
		}
		changed, err := b.Confirm(e.PaymentID)
		if err != nil || !changed {
			return err
		}
		if err := tx.Update(ctx, b); err != nil {
			return err
		}
		return tx.Publish(ctx, Event{Type: contracts.BookingConfirmed, Subject: b.ID, ID: "booking-confirmed-" + b.ID, Data: contracts.BookingConfirmedV1{
			BookingID: b.ID, SlotID: b.SlotID, CustomerEmail: b.CustomerEmail, PaymentID: b.PaymentID,
		}})
	})
}

// PaymentDeclined is the compensation: in one transaction, cancel the
// booking, release its slot hold so someone else can book the place, and
// add booking.cancelled to the outbox.
func (s *Service) PaymentDeclined(ctx context.Context, eventID string, e contracts.PaymentDeclinedV1) error {
	return s.store.InTx(ctx, func(tx Tx) error {
		// Lock first: a second delivery waits for the first one's transaction,
		// then finds its id in the inbox.
		b, err := tx.Lock(ctx, e.BookingID)
		if err != nil {
			return err
		}
		if seen, err := tx.FirstDelivery(ctx, eventID); err != nil || !seen {
			return err
		}
		reason := "payment declined: " + e.Reason
		if changed, err := b.Cancel(reason); err != nil || !changed {
			return err
		}
		cancelled := Event{
			Type:    contracts.BookingCancelled,
			Subject: b.ID,
			ID:      "booking-cancelled-" + b.ID,
			Data:    contracts.BookingCancelledV1{BookingID: b.ID, SlotID: b.SlotID, CustomerEmail: b.CustomerEmail, Reason: reason},
		}
		if err := tx.Publish(ctx, cancelled); err != nil {
			return err
		}
		if err := tx.Update(ctx, b); err != nil {
			return err
		}
		return tx.Release(ctx, b.SlotID)
	})
}
