package e2e

import (
	"context"
	"testing"
	"time"

	notificationadapters "example.com/capstone/internal/notification/adapters"
	"example.com/capstone/internal/platform/outbox"
)

// TestCleanupDeletesOnlyOldSentRows: sent outbox rows, inbox entries and
// sent mails older than the retention go; newer ones and unsent outbox rows
// (events not yet published, however old) stay.
func TestCleanupDeletesOnlyOldSentRows(t *testing.T) {
	s := startSystem(t, options{slotCapacity: 5})
	_, old := s.book(t, "slot-c1", "card_ok", 4200)
	s.waitStatus(t, old.ID, "confirmed")
	eventually(t, func() (bool, string) { return len(s.mail.Sent()) == 1, "waiting for the mail" })
	s.settled(t)
	// Stop the relays so the unsent row below stays unsent.
	s.current().Stop()
	s.payment.Stop()
	s.notification.Stop()

	ctx := context.Background()
	exec := func(sql string) {
		t.Helper()
		if _, err := s.db.Exec(ctx, sql); err != nil {
			t.Fatalf("%s: %v", sql, err)
		}
	}
	// Everything of the first booking happened ten days ago.
	exec(`UPDATE outbox SET created_at = now() - interval '10 days', sent_at = now() - interval '10 days'`)
	exec(`UPDATE inbox SET processed_at = now() - interval '10 days'`)
	exec(`UPDATE notifications SET created_at = now() - interval '10 days', sent_at = now() - interval '10 days'`)
	// An event that was never published, and a recent inbox entry and mail.
	exec(`INSERT INTO outbox (event_id, event_type, envelope, created_at) VALUES ('unsent-1', 'booking.requested', '{}', now() - interval '10 days')`)
	exec(`INSERT INTO inbox (consumer, event_id) VALUES ('notification-booking-outcomes', 'recent-1')`)
	exec(`INSERT INTO notifications (event_id, mail_key, to_address, subject, body, sent_at) VALUES ('recent-1', 'b/booking-confirmed', 'ada@example.com', 's', 'b', now())`)
	outboxBefore := count(t, s.db, `SELECT count(*) FROM outbox`)
	inboxBefore := count(t, s.db, `SELECT count(*) FROM inbox`)

	deleted, err := outbox.NewCleanup(s.db, s.log, 8*24*time.Hour, notificationadapters.CleanupSentMails).Run(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if got := count(t, s.db, `SELECT count(*) FROM outbox`); got != 1 || count(t, s.db, `SELECT count(*) FROM outbox WHERE event_id = 'unsent-1'`) != 1 {
		t.Errorf("outbox keeps %d rows of %d, want only the unsent one", got, outboxBefore)
	}
	if got := count(t, s.db, `SELECT count(*) FROM inbox`); got != 1 {
		t.Errorf("inbox keeps %d entries of %d, want only the recent one", got, inboxBefore)
	}
	if got := count(t, s.db, `SELECT count(*) FROM notifications`); got != 1 {
		t.Errorf("notifications keeps %d rows, want only the recent one", got)
	}
	if want := int64(outboxBefore - 1 + inboxBefore - 1 + 1); deleted != want {
		t.Errorf("cleanup reports %d rows deleted, want %d", deleted, want)
	}
	// A second run finds nothing more to delete.
	if again, err := outbox.NewCleanup(s.db, s.log, 8*24*time.Hour, notificationadapters.CleanupSentMails).Run(ctx); err != nil || again != 0 {
		t.Errorf("second cleanup: %d rows, %v; want 0", again, err)
	}
}
