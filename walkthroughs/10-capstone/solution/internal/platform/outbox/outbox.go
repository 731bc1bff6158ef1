// Package outbox is the transactional outbox and inbox of a service that
// keeps its state in PostgreSQL.
//
// Outbox: an event is not published by the use case. It is written as a row
// of the outbox table in the same transaction as the state change, so both
// commit or neither does; the Relay publishes committed rows to JetStream
// afterwards and marks them sent. A crash between commit and publish leaves
// the row unsent, and the next relay run (on any replica) publishes it.
//
// Inbox: a consumer records each event id it applies in the inbox table, in
// the same transaction as the effect; the primary key makes a second delivery
// of the same event a no-op.
package outbox

import (
	"context"
	"embed"
	"encoding/json"
	"fmt"
	"io/fs"

	"github.com/jackc/pgx/v5"

	"example.com/capstone/internal/platform/eventbus"
	"example.com/capstone/internal/platform/pgdb"
)

//go:embed migrations/*.sql
var migrations embed.FS

// Migrations creates the outbox and inbox tables; run with the service's own.
func Migrations() pgdb.Migrations {
	return pgdb.Migrations{Component: "outbox", FS: mustSub(migrations, "migrations")}
}

// Add writes env to the outbox inside tx, with the trace context of ctx so the
// trace continues when the relay publishes it. Adding the same event id twice
// keeps the first row.
func Add(ctx context.Context, tx pgx.Tx, env eventbus.Envelope) error {
	body, err := json.Marshal(env)
	if err != nil {
		return fmt.Errorf("encode %s: %w", env.Type, err)
	}
	headers, err := json.Marshal(eventbus.TraceHeaders(ctx))
	if err != nil {
		return err
	}
	_, err = tx.Exec(ctx, `INSERT INTO outbox (event_id, event_type, envelope, trace_headers)
		VALUES ($1, $2, $3, $4) ON CONFLICT (event_id) DO NOTHING`, env.ID, env.Type, body, headers)
	if err != nil {
		return fmt.Errorf("outbox %s: %w", env.Type, err)
	}
	return nil
}

// FirstDelivery records eventID for consumer in the inbox inside tx and
// reports whether this is the first time: false means the event was already
// applied (by this replica or another), and the caller must change nothing.
func FirstDelivery(ctx context.Context, tx pgx.Tx, consumer, eventID string) (bool, error) {
	tag, err := tx.Exec(ctx, `INSERT INTO inbox (consumer, event_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`, consumer, eventID)
	if err != nil {
		return false, fmt.Errorf("inbox: %w", err)
	}
	return tag.RowsAffected() == 1, nil
}

func mustSub(fsys embed.FS, dir string) fs.FS {
	sub, err := fs.Sub(fsys, dir)
	if err != nil {
		panic(err) // the directory is embedded at build time
	}
	return sub
}
