// Package domain is the notification bounded context's model: which message
// a customer gets for which booking outcome.
package domain

import "fmt"

// Kind of notification.
type Kind string

const (
	BookingConfirmed Kind = "booking-confirmed"
	BookingCancelled Kind = "booking-cancelled"
)

// Message is one e-mail to a customer.
type Message struct {
	Key     string // booking id + kind: the idempotency key given to the mail provider
	To      string
	Subject string
	Body    string
}

// Confirmation is the message for a confirmed booking.
func Confirmation(bookingID, slotID, to string) Message {
	return Message{
		Key: bookingID + "/" + string(BookingConfirmed), To: to,
		Subject: "Your booking is confirmed",
		Body:    fmt.Sprintf("Booking %s for slot %s is confirmed. See you there!", bookingID, slotID),
	}
}

// Cancellation is the message for a booking cancelled by the saga.
func Cancellation(bookingID, slotID, to, reason string) Message {
	return Message{
		Key: bookingID + "/" + string(BookingCancelled), To: to,
		Subject: "Your booking was cancelled",
		Body:    fmt.Sprintf("Booking %s for slot %s was cancelled (%s). The slot was released.", bookingID, slotID, reason),
	}
}
