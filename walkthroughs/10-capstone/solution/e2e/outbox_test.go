package e2e

// Faults injected into the booking service's publishing and delivery: the
// outbox must still send every event exactly once, and a redelivered event
// must change nothing, with one replica or two.

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"sync"
	"testing"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"example.com/capstone/internal/booking"
	"example.com/capstone/internal/contracts"
	"example.com/capstone/internal/platform/eventbus"
)

// faultyJS is the booking service's JetStream with publishing broken on
// purpose: fail decides, per message, whether PublishMsg fails.
type faultyJS struct {
	jetstream.JetStream
	fail func(subject string) bool
}

func (f faultyJS) PublishMsg(ctx context.Context, msg *nats.Msg, opts ...jetstream.PublishOpt) (*jetstream.PubAck, error) {
	if f.fail(msg.Subject) {
		return nil, errors.New("injected fault: NATS unreachable")
	}
	return f.JetStream.PublishMsg(ctx, msg, opts...)
}

// failOncePerSubject fails the first publish of every subject, then lets all through.
func failOncePerSubject(js jetstream.JetStream) jetstream.JetStream {
	var mu sync.Mutex
	failed := map[string]bool{}
	return faultyJS{JetStream: js, fail: func(subject string) bool {
		mu.Lock()
		defer mu.Unlock()
		if failed[subject] {
			return false
		}
		failed[subject] = true
		return true
	}}
}

// storedCount is how many messages of subject the stream holds.
func (s *system) storedCount(t *testing.T, stream, subject string) int {
	t.Helper()
	st, err := s.js.Stream(context.Background(), stream)
	if err != nil {
		t.Fatal(err)
	}
	info, err := st.Info(context.Background(), jetstream.WithSubjectFilter(subject))
	if err != nil {
		t.Fatal(err)
	}
	return int(info.State.Subjects[subject])
}

func TestFailedPublishIsRetriedAndSentOnce(t *testing.T) {
	s := startSystem(t, options{slotCapacity: 1, bookingJS: failOncePerSubject})
	code, ok := s.book(t, "slot-f1", "card_ok", 4200)
	if code != http.StatusAccepted {
		t.Fatalf("POST /bookings while the first publish fails: %d, want 202 (the event waits in the outbox)", code)
	}
	code, declined := s.book(t, "slot-f2", "card_declined", 4200)
	if code != http.StatusAccepted {
		t.Fatalf("POST /bookings: %d, want 202", code)
	}
	s.waitStatus(t, ok.ID, "confirmed")
	s.waitStatus(t, declined.ID, "cancelled")
	// The saga's last events failed once too: they must still reach the customer.
	eventually(t, func() (bool, string) {
		return len(s.notification.Mail.Sent()) == 2, fmt.Sprintf("%d mails, want 2 (confirmed and cancelled)", len(s.notification.Mail.Sent()))
	})
	s.settled(t)
	for subject, want := range map[string]int{contracts.BookingRequested: 2, contracts.BookingConfirmed: 1, contracts.BookingCancelled: 1} {
		if got := s.storedCount(t, "BOOKING", subject); got != want {
			t.Errorf("%d %s events in the stream, want %d", got, subject, want)
		}
	}
	if mails := s.notification.Mail.Sent(); len(mails) != 2 {
		t.Errorf("%d mails, want 2", len(mails))
	}
}

func TestCrashBetweenCommitAndPublishIsRecoveredAfterRestart(t *testing.T) {
	// The first booking process commits but never gets an event out: it dies
	// (here: every publish fails, then it stops) before anything is sent.
	crashing := options{slotCapacity: 1, bookingJS: func(js jetstream.JetStream) jetstream.JetStream {
		return faultyJS{JetStream: js, fail: func(string) bool { return true }}
	}}
	s := startSystem(t, crashing)
	code, b := s.book(t, "slot-c1", "card_ok", 4200)
	if code != http.StatusAccepted {
		t.Fatalf("POST /bookings: %d, want 202", code)
	}
	if got := s.storedCount(t, "BOOKING", contracts.BookingRequested); got != 0 {
		t.Fatalf("%d booking.requested in the stream before the restart, want 0", got)
	}
	s.current().Stop()

	// A new process on the same database: its relay finds the committed event.
	s.startBooking(options{slotCapacity: 1})
	s.waitStatus(t, b.ID, "confirmed")
	eventually(t, func() (bool, string) {
		return len(s.notification.Mail.Sent()) == 1, "waiting for the confirmation mail"
	})
	s.settled(t)
	if got := s.storedCount(t, "BOOKING", contracts.BookingRequested); got != 1 {
		t.Errorf("%d booking.requested in the stream, want 1", got)
	}
	// The restarted service still knows the slot is taken.
	if code, _ := s.book(t, "slot-c1", "card_ok", 4200); code != http.StatusConflict {
		t.Errorf("booking a full slot after the restart: %d, want 409", code)
	}
}

func TestDuplicateDeliveryToThreeReplicasIsANoOp(t *testing.T) {
	// No payment service: the test sends the payment outcome itself, thirty
	// times with one event id, to three booking replicas sharing a database.
	o := options{slotCapacity: 1, noPayment: true}
	s := startSystem(t, o)
	replicas := []*booking.Service{s.current(), s.startReplica(o), s.startReplica(o)}
	_, b := s.book(t, "slot-d1", "card_ok", 4200)

	env, err := eventbus.NewEnvelope("/services/payment", eventbus.Event{
		Type: contracts.PaymentDeclined, Subject: b.ID, ID: "payment-declined-" + b.ID,
		Data: contracts.PaymentDeclinedV1{BookingID: b.ID, PaymentID: "p1", Reason: "card declined by issuer"},
	}, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	body, _ := json.Marshal(env)
	for range 30 {
		// No Nats-Msg-Id: JetStream keeps every copy, as after its duplicate window.
		if _, err := s.js.Publish(context.Background(), contracts.PaymentDeclined, body); err != nil {
			t.Fatal(err)
		}
	}
	s.waitStatus(t, b.ID, "cancelled")
	eventually(t, func() (bool, string) {
		return len(s.notification.Mail.Sent()) == 1, "waiting for the cancellation mail"
	})
	s.settled(t)

	if got := s.storedCount(t, "BOOKING", contracts.BookingCancelled); got != 1 {
		t.Errorf("%d booking.cancelled events, want 1", got)
	}
	if mails := s.notification.Mail.Sent(); len(mails) != 1 {
		t.Errorf("%d mails, want 1", len(mails))
	}
	// A duplicate must be absorbed, not fail and be retried.
	for i, r := range replicas {
		if v, _ := sample(scrape(t, r.Handler), "events_failed_total", map[string]string{"type": contracts.PaymentDeclined, "reason": "retry"}); v != 0 {
			t.Errorf("replica %d retried payment.declined %v times, want 0", i+1, v)
		}
	}
	// The hold was released once: the slot (capacity 1) takes one booking, not two.
	first, _ := s.book(t, "slot-d1", "card_ok", 4200)
	second, _ := s.book(t, "slot-d1", "card_ok", 4200)
	if first != http.StatusAccepted || second != http.StatusConflict {
		t.Errorf("two bookings on the released slot: %d then %d, want 202 then 409", first, second)
	}
}
