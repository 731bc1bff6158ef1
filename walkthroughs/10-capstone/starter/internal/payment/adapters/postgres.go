package adapters

import (
	"context"
	"embed"
	"errors"
	"fmt"
	"io/fs"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"example.com/capstone/internal/payment/app"
	"example.com/capstone/internal/payment/domain"
	"example.com/capstone/internal/platform/eventbus"
	"example.com/capstone/internal/platform/outbox"
	"example.com/capstone/internal/platform/pgdb"
)

//go:embed migrations/*.sql
var migrations embed.FS

// Migrations are the payments table; the outbox and inbox come from package outbox.
func Migrations() []pgdb.Migrations {
	sub, err := fs.Sub(migrations, "migrations")
	if err != nil {
		panic(err) // embedded at build time
	}
	return []pgdb.Migrations{outbox.Migrations(), {Component: "payment", FS: sub}}
}

// inboxConsumer scopes the payment service's entries in the inbox table.
const inboxConsumer = "payment-booking-requests"

// PostgresStore is the payment Store on PostgreSQL: decisions survive a
// restart and are shared by replicas.
type PostgresStore struct {
	pool      *pgxpool.Pool
	envelopes *eventbus.Publisher // stamps outbox events with the source and time
	committed func()              // called after a commit that added outbox rows
}

// NewPostgresStore returns the store; committed (may be nil) wakes the relay.
func NewPostgresStore(pool *pgxpool.Pool, envelopes *eventbus.Publisher, committed func()) *PostgresStore {
	if committed == nil {
		committed = func() {}
	}
	return &PostgresStore{pool: pool, envelopes: envelopes, committed: committed}
}

var _ app.Store = (*PostgresStore)(nil)

// InTx runs fn in a transaction and commits when fn returns nil.
func (s *PostgresStore) InTx(ctx context.Context, fn func(app.Tx) error) error {
	t := &pgTx{store: s}
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		t.tx = tx
		return fn(t)
	})
	if err == nil && t.published {
		s.committed()
	}
	return err
}

// ByBooking reads the decision for a booking; domain.ErrNotFound when none.
func (s *PostgresStore) ByBooking(ctx context.Context, bookingID string) (domain.Payment, error) {
	return scanPayment(s.pool.QueryRow(ctx, `SELECT `+paymentColumns+` FROM payments WHERE booking_id = $1`, bookingID))
}

// Len is the number of decisions stored.
func (s *PostgresStore) Len() int {
	var n int
	if err := s.pool.QueryRow(context.Background(), `SELECT count(*) FROM payments`).Scan(&n); err != nil {
		return -1
	}
	return n
}

const paymentColumns = `payment_id, booking_id, amount_cents, currency, outcome, reason`

func scanPayment(row pgx.Row) (domain.Payment, error) {
	var p domain.Payment
	var outcome string
	err := row.Scan(&p.ID, &p.BookingID, &p.AmountCents, &p.Currency, &outcome, &p.Reason)
	if errors.Is(err, pgx.ErrNoRows) {
		return domain.Payment{}, domain.ErrNotFound
	}
	p.Outcome = domain.Outcome(outcome)
	return p, err
}

type pgTx struct {
	store     *PostgresStore
	tx        pgx.Tx
	published bool
}

func (t *pgTx) FirstDelivery(ctx context.Context, eventID string) (bool, error) {
	return outbox.FirstDelivery(ctx, t.tx, inboxConsumer, eventID)
}

// Decide inserts p unless the booking has a decision; a replica deciding the
// same booking at the same moment waits on the key, then reads the winner's.
func (t *pgTx) Decide(ctx context.Context, p domain.Payment) (domain.Payment, error) {
	if _, err := t.tx.Exec(ctx, `INSERT INTO payments (`+paymentColumns+`) VALUES ($1, $2, $3, $4, $5, $6)
		ON CONFLICT (booking_id) DO NOTHING`, p.ID, p.BookingID, p.AmountCents, p.Currency, string(p.Outcome), p.Reason); err != nil {
		return domain.Payment{}, fmt.Errorf("payment decision: %w", err)
	}
	return scanPayment(t.tx.QueryRow(ctx, `SELECT `+paymentColumns+` FROM payments WHERE booking_id = $1`, p.BookingID))
}

func (t *pgTx) Publish(ctx context.Context, e app.Event) error {
	env, err := t.store.envelopes.NewEnvelope(eventbus.Event{Type: e.Type, Subject: e.Subject, ID: e.ID, Data: e.Data})
	if err != nil {
		return fmt.Errorf("event %s: %w", e.Type, err)
	}
	if err := outbox.Add(ctx, t.tx, env); err != nil {
		return err
	}
	t.published = true
	return nil
}
