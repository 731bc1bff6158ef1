// Package adapters connects the booking use cases to the outside world:
// HTTP, JetStream and PostgreSQL.
package adapters

import (
	"context"
	"embed"
	"errors"
	"fmt"
	"io/fs"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"example.com/capstone/internal/booking/app"
	"example.com/capstone/internal/booking/domain"
	"example.com/capstone/internal/platform/eventbus"
	"example.com/capstone/internal/platform/outbox"
	"example.com/capstone/internal/platform/pgdb"
)

//go:embed migrations/*.sql
var migrations embed.FS

// Migrations are the booking tables; the outbox and inbox come from package outbox.
func Migrations() []pgdb.Migrations {
	sub, err := fs.Sub(migrations, "migrations")
	if err != nil {
		panic(err) // embedded at build time
	}
	return []pgdb.Migrations{outbox.Migrations(), {Component: "booking", FS: sub}}
}

// inboxConsumer scopes the booking service's entries in the inbox table.
const inboxConsumer = "booking-payment-results"

// PostgresStore is the booking Store on PostgreSQL.
type PostgresStore struct {
	pool      *pgxpool.Pool
	capacity  int                 // places of a slot seen for the first time
	envelopes *eventbus.Publisher // stamps outbox events with the source and time
	committed func()              // called after a commit that added outbox rows
}

// NewPostgresStore returns the store; committed (may be nil) wakes the relay.
func NewPostgresStore(pool *pgxpool.Pool, slotCapacity int, envelopes *eventbus.Publisher, committed func()) *PostgresStore {
	if committed == nil {
		committed = func() {}
	}
	return &PostgresStore{pool: pool, capacity: slotCapacity, envelopes: envelopes, committed: committed}
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

const bookingColumns = `id, slot_id, customer_email, amount_cents, currency, payment_method, status, payment_id, cancel_reason`

func scanBooking(row pgx.Row) (domain.Booking, error) {
	var b domain.Booking
	var status string
	err := row.Scan(&b.ID, &b.SlotID, &b.CustomerEmail, &b.AmountCents, &b.Currency, &b.PaymentMethod, &status, &b.PaymentID, &b.CancelReason)
	if errors.Is(err, pgx.ErrNoRows) {
		return domain.Booking{}, domain.ErrNotFound
	}
	b.Status = domain.Status(status)
	return b, err
}

// Get reads one booking.
func (s *PostgresStore) Get(ctx context.Context, id string) (domain.Booking, error) {
	return scanBooking(s.pool.QueryRow(ctx, `SELECT `+bookingColumns+` FROM bookings WHERE id = $1`, id))
}

type pgTx struct {
	store     *PostgresStore
	tx        pgx.Tx
	published bool
}

func (t *pgTx) FirstDelivery(ctx context.Context, eventID string) (bool, error) {
	return outbox.FirstDelivery(ctx, t.tx, inboxConsumer, eventID)
}

func (t *pgTx) Lock(ctx context.Context, id string) (domain.Booking, error) {
	return scanBooking(t.tx.QueryRow(ctx, `SELECT `+bookingColumns+` FROM bookings WHERE id = $1 FOR UPDATE`, id))
}

func (t *pgTx) Insert(ctx context.Context, b domain.Booking) error {
	_, err := t.tx.Exec(ctx, `INSERT INTO bookings (`+bookingColumns+`) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
		b.ID, b.SlotID, b.CustomerEmail, b.AmountCents, b.Currency, b.PaymentMethod, string(b.Status), b.PaymentID, b.CancelReason)
	return err
}

func (t *pgTx) Update(ctx context.Context, b domain.Booking) error {
	tag, err := t.tx.Exec(ctx, `UPDATE bookings SET status = $2, payment_id = $3, cancel_reason = $4 WHERE id = $1`,
		b.ID, string(b.Status), b.PaymentID, b.CancelReason)
	if err == nil && tag.RowsAffected() == 0 {
		return domain.ErrNotFound
	}
	return err
}

// Hold creates the slot on first use, then takes a place only while one is
// free. The UPDATE locks the slot's row, so replicas booking the same slot
// queue up here and the last place goes to exactly one of them.
func (t *pgTx) Hold(ctx context.Context, slotID string) error {
	if _, err := t.tx.Exec(ctx, `INSERT INTO slots (slot_id, capacity) VALUES ($1, $2) ON CONFLICT (slot_id) DO NOTHING`, slotID, t.store.capacity); err != nil {
		return err
	}
	tag, err := t.tx.Exec(ctx, `UPDATE slots SET held = held + 1 WHERE slot_id = $1 AND held < capacity`, slotID)
	if err != nil {
		return err
	}
	if tag.RowsAffected() == 0 {
		return domain.ErrSlotUnavailable
	}
	return nil
}

func (t *pgTx) Release(ctx context.Context, slotID string) error {
	_, err := t.tx.Exec(ctx, `UPDATE slots SET held = held - 1 WHERE slot_id = $1`, slotID)
	return err
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
