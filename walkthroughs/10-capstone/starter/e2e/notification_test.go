package e2e

// The notification service keeps its inbox and the mails it must send in
// PostgreSQL: a redelivered booking outcome sends no second mail after a
// restart, nor when two instances share the database.

import (
	"context"
	"fmt"
	"net/http"
	"testing"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
)

// redeliver publishes every stored message of the given subjects again
// without its Nats-Msg-Id, as a redelivery after JetStream's de-duplication
// window would (same CloudEvents id), and returns how many it sent.
func (s *system) redeliver(t *testing.T, stream string, subjects ...string) int {
	t.Helper()
	ctx := context.Background()
	st, err := s.js.Stream(ctx, stream)
	if err != nil {
		t.Fatal(err)
	}
	info, err := st.Info(ctx)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]bool{}
	for _, subject := range subjects {
		want[subject] = true
	}
	sent := 0
	for seq := info.State.FirstSeq; seq <= info.State.LastSeq && info.State.Msgs > 0; seq++ {
		raw, err := st.GetMsg(ctx, seq)
		if err != nil {
			t.Fatal(err)
		}
		if !want[raw.Subject] {
			continue
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
		sent++
	}
	return sent
}

// mailsPerKey counts the mails sent for each key; more than one is a mail sent twice.
func (s *system) mailsPerKey() map[string]int {
	per := map[string]int{}
	for _, m := range s.mail.Sent() {
		per[m.Key]++
	}
	return per
}

func TestRedeliveryAfterNotificationRestartSendsNoSecondMail(t *testing.T) {
	s := startSystem(t, options{slotCapacity: 5})
	_, b := s.book(t, "slot-n1", "card_ok", 4200)
	s.waitStatus(t, b.ID, "confirmed")
	eventually(t, func() (bool, string) { return len(s.mail.Sent()) == 1, "waiting for the confirmation mail" })
	s.settled(t)

	// The process restarts: whatever it kept in memory is gone.
	s.notification.Stop()
	s.notification = s.startNotification()

	if n := s.redeliver(t, "BOOKING", "booking.confirmed"); n != 1 {
		t.Fatalf("redelivered %d booking.confirmed, want 1", n)
	}
	s.settled(t)
	if mails := s.mail.Sent(); len(mails) != 1 {
		t.Errorf("%d mails after a redelivery to the restarted service, want 1: %+v", len(mails), mails)
	}
	if n := count(t, s.db, `SELECT count(*) FROM notifications WHERE sent_at IS NULL`); n != 0 {
		t.Errorf("%d mails left unsent", n)
	}
}

func TestTwoNotificationInstancesSendEachMailOnce(t *testing.T) {
	s := startSystem(t, options{slotCapacity: 20})
	s.startNotification() // a second replica on the same database and consumer

	var ids []string
	for i := range 8 {
		method := "card_ok"
		if i%3 == 0 {
			method = "card_declined"
		}
		code, b := s.book(t, fmt.Sprintf("slot-n2-%d", i%2), method, 4200)
		if code != http.StatusAccepted {
			t.Fatalf("POST /bookings: %d", code)
		}
		ids = append(ids, b.ID)
	}
	for _, id := range ids {
		eventually(t, func() (bool, string) {
			st := s.get(t, id).Status
			return st == "confirmed" || st == "cancelled", fmt.Sprintf("booking %s is %q", id, st)
		})
	}
	eventually(t, func() (bool, string) {
		return len(s.mail.Sent()) >= len(ids), fmt.Sprintf("%d mails, want %d", len(s.mail.Sent()), len(ids))
	})
	s.settled(t)

	// Every outcome arrives twice more, spread over the two instances.
	for range 2 {
		if n := s.redeliver(t, "BOOKING", "booking.confirmed", "booking.cancelled"); n < len(ids) {
			t.Fatalf("redelivered %d outcomes, want at least %d", n, len(ids))
		}
	}
	s.settled(t)

	per := s.mailsPerKey()
	if len(per) != len(ids) {
		t.Errorf("mails for %d bookings, want %d", len(per), len(ids))
	}
	for key, n := range per {
		if n != 1 {
			t.Errorf("mail %s sent %d times, want once", key, n)
		}
	}
	if n := count(t, s.db, `SELECT count(*) FROM notifications WHERE sent_at IS NOT NULL`); n != len(ids) {
		t.Errorf("%d notifications marked sent, want %d", n, len(ids))
	}
}
