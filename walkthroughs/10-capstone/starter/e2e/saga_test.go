package e2e

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
)

func TestBookingIsConfirmed(t *testing.T) {
	s := startSystem(t, options{slotCapacity: 1})
	code, b := s.book(t, "slot-1", "card_ok", 4200)
	if code != http.StatusAccepted || b.Status != "pending" {
		t.Fatalf("POST /bookings: %d %+v, want 202 pending", code, b)
	}
	got := s.waitStatus(t, b.ID, "confirmed")
	if got.PaymentID == "" {
		t.Error("confirmed booking has no payment id")
	}
	eventually(t, func() (bool, string) {
		mails := s.notification.Mail.Sent()
		return len(mails) == 1 && strings.Contains(mails[0].Subject, "confirmed"), "waiting for the confirmation mail"
	})
	if n := s.payment.Payments.Len(); n != 1 {
		t.Errorf("%d payments, want 1", n)
	}
	// The confirmed booking keeps its place: the slot (capacity 1) is now full.
	if code, _ := s.book(t, "slot-1", "card_ok", 4200); code != http.StatusConflict {
		t.Errorf("second booking on a full slot: %d, want 409", code)
	}
}

func TestDeclinedPaymentCancelsBookingAndReleasesHold(t *testing.T) {
	s := startSystem(t, options{slotCapacity: 1})
	code, b := s.book(t, "slot-9", "card_declined", 4200)
	if code != http.StatusAccepted {
		t.Fatalf("POST /bookings: %d, want 202", code)
	}
	got := s.waitStatus(t, b.ID, "cancelled")
	if !strings.Contains(got.CancelReason, "declined") {
		t.Errorf("cancel reason %q does not say declined", got.CancelReason)
	}
	eventually(t, func() (bool, string) {
		mails := s.notification.Mail.Sent()
		return len(mails) == 1 && strings.Contains(mails[0].Subject, "cancelled"), "waiting for the cancellation mail"
	})
	// Compensation: the hold was released, so the slot (capacity 1) can be booked again.
	code, again := s.book(t, "slot-9", "card_ok", 4200)
	if code != http.StatusAccepted {
		t.Fatalf("booking the released slot: %d, want 202", code)
	}
	s.waitStatus(t, again.ID, "confirmed")
}

func TestRedeliveredEventsChangeNothing(t *testing.T) {
	s := startSystem(t, options{slotCapacity: 5})
	_, b := s.book(t, "slot-2", "card_ok", 4200)
	s.waitStatus(t, b.ID, "confirmed")
	eventually(t, func() (bool, string) { return len(s.notification.Mail.Sent()) == 1, "waiting for the mail" })
	s.settled(t)
	published, _ := sample(scrape(t, s.current().Handler), "events_published_total", map[string]string{"type": "booking.confirmed"})

	// Publish every stored event again, as a redelivery after JetStream's
	// de-duplication window would: same CloudEvents id, no Nats-Msg-Id.
	ctx := context.Background()
	resent := 0
	for _, name := range []string{"BOOKING", "PAYMENT"} {
		stream, err := s.js.Stream(ctx, name)
		if err != nil {
			t.Fatal(err)
		}
		info, err := stream.Info(ctx)
		if err != nil {
			t.Fatal(err)
		}
		for seq := info.State.FirstSeq; seq <= info.State.LastSeq && info.State.Msgs > 0; seq++ {
			raw, err := stream.GetMsg(ctx, seq)
			if err != nil {
				t.Fatal(err)
			}
			msg := nats.NewMsg(raw.Subject)
			msg.Data = raw.Data
			for k, v := range raw.Header {
				if k != jetstream.MsgIDHeader {
					msg.Header[k] = v
				}
			}
			if _, err := s.js.PublishMsg(ctx, msg); err != nil {
				t.Fatal(err)
			}
			resent++
		}
	}
	if resent != 3 {
		t.Fatalf("resent %d events, want 3 (requested, authorized, confirmed)", resent)
	}
	s.settled(t)

	if mails := s.notification.Mail.Sent(); len(mails) != 1 {
		t.Errorf("%d mails after redelivery, want 1", len(mails))
	}
	if n := s.payment.Payments.Len(); n != 1 {
		t.Errorf("%d payments after redelivery, want 1", n)
	}
	if got := s.get(t, b.ID); got.Status != "confirmed" {
		t.Errorf("booking is %q after redelivery, want confirmed", got.Status)
	}
	after, _ := sample(scrape(t, s.current().Handler), "events_published_total", map[string]string{"type": "booking.confirmed"})
	if after != published {
		t.Errorf("booking.confirmed published %v times after redelivery, %v before", after, published)
	}
}

func TestPoisonEventIsDeadLettered(t *testing.T) {
	s := startSystem(t, options{slotCapacity: 1})
	ctx := context.Background()
	if _, err := s.js.Publish(ctx, "booking.requested", []byte("{not json")); err != nil {
		t.Fatal(err)
	}
	eventually(t, func() (bool, string) {
		v, _ := sample(scrape(t, s.payment.Handler), "events_failed_total",
			map[string]string{"type": "booking.requested", "reason": "dead_letter"})
		return v == 1, "waiting for events_failed_total{reason=dead_letter} to be 1"
	})
	dlq, err := s.js.Stream(ctx, "DEADLETTER")
	if err != nil {
		t.Fatal(err)
	}
	msg, err := dlq.GetLastMsgForSubject(ctx, "deadletter.booking.requested")
	if err != nil {
		t.Fatalf("no dead letter: %v", err)
	}
	if reason := msg.Header.Get("Dead-Letter-Reason"); !strings.Contains(reason, "JSON") {
		t.Errorf("Dead-Letter-Reason %q does not explain the failure", reason)
	}
	if s.payment.Payments.Len() != 0 {
		t.Error("a poison event created a payment")
	}
}
