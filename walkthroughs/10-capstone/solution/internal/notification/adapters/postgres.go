package adapters

import (
	"context"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"sync"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"example.com/capstone/internal/notification/app"
	"example.com/capstone/internal/notification/domain"
	"example.com/capstone/internal/platform/outbox"
	"example.com/capstone/internal/platform/pgdb"
)

//go:embed migrations/*.sql
var migrations embed.FS

// Migrations are the notifications table; the inbox comes from package outbox.
func Migrations() []pgdb.Migrations {
	sub, err := fs.Sub(migrations, "migrations")
	if err != nil {
		panic(err) // embedded at build time
	}
	return []pgdb.Migrations{outbox.Migrations(), {Component: "notification", FS: sub}}
}

// CleanupSentMails deletes sent mails older than the cutoff ($1), with the
// outbox's and inbox's cleanup.
const CleanupSentMails = `DELETE FROM notifications WHERE sent_at IS NOT NULL AND sent_at < $1`

// inboxConsumer scopes the notification service's entries in the inbox table.
const inboxConsumer = "notification-booking-outcomes"

// PostgresStore is the notification Store on PostgreSQL.
type PostgresStore struct {
	pool   *pgxpool.Pool
	queued func() // called after a commit that queued a mail
}

// NewPostgresStore returns the store; queued (may be nil) wakes the mail relay.
func NewPostgresStore(pool *pgxpool.Pool, queued func()) *PostgresStore {
	if queued == nil {
		queued = func() {}
	}
	return &PostgresStore{pool: pool, queued: queued}
}

var _ app.Store = (*PostgresStore)(nil)

// InTx runs fn in a transaction and commits when fn returns nil.
func (s *PostgresStore) InTx(ctx context.Context, fn func(app.Tx) error) error {
	t := &pgTx{}
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		t.tx = tx
		return fn(t)
	})
	if err == nil && t.queued {
		s.queued()
	}
	return err
}

type pgTx struct {
	tx      pgx.Tx
	eventID string
	queued  bool
}

func (t *pgTx) FirstDelivery(ctx context.Context, eventID string) (bool, error) {
	t.eventID = eventID
	return outbox.FirstDelivery(ctx, t.tx, inboxConsumer, eventID)
}

func (t *pgTx) Queue(ctx context.Context, m domain.Message) error {
	if _, err := t.tx.Exec(ctx, `INSERT INTO notifications (event_id, mail_key, to_address, subject, body) VALUES ($1, $2, $3, $4, $5)`,
		t.eventID, m.Key, m.To, m.Subject, m.Body); err != nil {
		return fmt.Errorf("queue mail %s: %w", m.Key, err)
	}
	t.queued = true
	return nil
}

// MailRelay sends queued mails and marks them sent, one transaction per mail.
//
// Several relays (one per replica) may run on one table: each locks the row
// it sends with FOR UPDATE SKIP LOCKED, so two relays never send the same
// mail. The one gap left is the provider's: a relay that dies after the
// provider accepted a mail and before its commit leaves the row unsent, and
// the next run sends it again with the same key. A mail API that honours
// idempotency keys drops that copy; plain SMTP delivers it. That is
// at-least-once at the very edge, in a window of one network round trip.
type MailRelay struct {
	pool     *pgxpool.Pool
	sender   app.Sender
	log      *slog.Logger
	interval time.Duration
	kick     chan struct{}
}

// NewMailRelay returns a relay that polls every interval (and at once after Kick).
func NewMailRelay(pool *pgxpool.Pool, sender app.Sender, log *slog.Logger, interval time.Duration) *MailRelay {
	if interval <= 0 {
		interval = 200 * time.Millisecond
	}
	return &MailRelay{pool: pool, sender: sender, log: log, interval: interval, kick: make(chan struct{}, 1)}
}

// Kick asks for a run now, e.g. right after a transaction that queued a mail.
func (r *MailRelay) Kick() {
	select {
	case r.kick <- struct{}{}:
	default: // a run is already due
	}
}

// Start runs the relay until the returned stop function is called; stop
// waits for the mail in progress.
func (r *MailRelay) Start() (stop func()) {
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		tick := time.NewTicker(r.interval)
		defer tick.Stop()
		for {
			for {
				sent, err := r.SendOne(ctx)
				if err != nil && ctx.Err() == nil {
					r.log.Warn("mail relay: send failed, will retry", "error", err)
				}
				if !sent {
					break
				}
			}
			select {
			case <-ctx.Done():
				return
			case <-tick.C:
			case <-r.kick:
			}
		}
	}()
	return func() { cancel(); wg.Wait() }
}

// SendOne sends the oldest unsent mail no other relay holds and marks it
// sent; false when there was none or the send failed (the row stays unsent).
func (r *MailRelay) SendOne(ctx context.Context) (bool, error) {
	tx, err := r.pool.Begin(ctx)
	if err != nil {
		return false, err
	}
	defer func() { _ = tx.Rollback(context.WithoutCancel(ctx)) }()
	var id int64
	var m domain.Message
	err = tx.QueryRow(ctx, `SELECT id, mail_key, to_address, subject, body FROM notifications
		WHERE sent_at IS NULL ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED`).Scan(&id, &m.Key, &m.To, &m.Subject, &m.Body)
	if errors.Is(err, pgx.ErrNoRows) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	if err := r.sender.Send(ctx, m); err != nil {
		return false, fmt.Errorf("mail %s: %w", m.Key, err)
	}
	// Mark even when ctx is cancelled: what the provider accepted is sent.
	done := context.WithoutCancel(ctx)
	if _, err := tx.Exec(done, `UPDATE notifications SET sent_at = now() WHERE id = $1`, id); err != nil {
		return false, err
	}
	return true, tx.Commit(done)
}
