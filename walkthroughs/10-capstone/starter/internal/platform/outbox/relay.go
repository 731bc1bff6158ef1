package outbox

import (
	"context"
	"encoding/json"
	"log/slog"
	"sync"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"example.com/capstone/internal/platform/eventbus"
)

// Relay publishes committed outbox rows to JetStream and marks them sent.
//
// Several relays (one per replica) may run on one table: each run locks the
// rows it takes with FOR UPDATE SKIP LOCKED, so two relays never take the
// same row at the same time. A relay that publishes and then dies before
// marking the row leaves it to the next run, which publishes it again with
// the same Nats-Msg-Id: JetStream drops that copy within the stream's
// duplicate window, and the consumers' inboxes drop it after that.
type Relay struct {
	pool     *pgxpool.Pool
	pub      *eventbus.Publisher
	log      *slog.Logger
	batch    int
	interval time.Duration
	kick     chan struct{}
}

// NewRelay returns a relay that polls every interval (and at once after Kick).
func NewRelay(pool *pgxpool.Pool, pub *eventbus.Publisher, log *slog.Logger, interval time.Duration) *Relay {
	if interval <= 0 {
		interval = 200 * time.Millisecond
	}
	return &Relay{pool: pool, pub: pub, log: log, batch: 100, interval: interval, kick: make(chan struct{}, 1)}
}

// Kick asks for a run now, e.g. right after a transaction that added rows.
func (r *Relay) Kick() {
	select {
	case r.kick <- struct{}{}:
	default: // a run is already due
	}
}

// Start runs the relay until the returned stop function is called; stop
// waits for the run in progress to end.
func (r *Relay) Start() (stop func()) {
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		r.run(ctx)
	}()
	return func() { cancel(); wg.Wait() }
}

func (r *Relay) run(ctx context.Context) {
	tick := time.NewTicker(r.interval)
	defer tick.Stop()
	for {
		for {
			n, err := r.Flush(ctx)
			if err != nil {
				if ctx.Err() == nil {
					r.log.Warn("outbox relay: publish failed, will retry", "error", err)
				}
				break
			}
			if n < r.batch {
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
}

type row struct {
	id      int64
	env     eventbus.Envelope
	headers map[string]string
}

// Flush publishes up to one batch of unsent rows, oldest first, and marks the
// published ones sent in the same transaction that locked them. It stops at
// the first failed publish: that row and the later ones stay for the next run.
func (r *Relay) Flush(ctx context.Context) (int, error) {
	tx, err := r.pool.Begin(ctx)
	if err != nil {
		return 0, err
	}
	defer func() { _ = tx.Rollback(context.WithoutCancel(ctx)) }()

	rows, err := r.lock(ctx, tx)
	if err != nil || len(rows) == 0 {
		return 0, err
	}
	var sent []int64
	var pubErr error
	for _, row := range rows {
		if pubErr = r.pub.PublishEnvelope(eventbus.WithTraceHeaders(ctx, row.headers), row.env); pubErr != nil {
			break
		}
		sent = append(sent, row.id)
	}
	if len(sent) > 0 {
		// Mark even when ctx is cancelled: what JetStream acked is sent.
		done := context.WithoutCancel(ctx)
		if _, err := tx.Exec(done, `UPDATE outbox SET sent_at = now() WHERE id = ANY($1)`, sent); err != nil {
			return 0, err
		}
		if err := tx.Commit(done); err != nil {
			return 0, err
		}
	}
	return len(sent), pubErr
}

func (r *Relay) lock(ctx context.Context, tx pgx.Tx) ([]row, error) {
	// Only this service's rows: services may share one database (and so one outbox
	// table), and the service that wrote an event publishes it, with its metrics and traces.
	rs, err := tx.Query(ctx, `SELECT id, envelope, trace_headers FROM outbox
		WHERE sent_at IS NULL AND envelope->>'source' = $2 ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`, r.batch, r.pub.Source())
	if err != nil {
		return nil, err
	}
	defer rs.Close()
	var out []row
	for rs.Next() {
		var x row
		var env, headers []byte
		if err := rs.Scan(&x.id, &env, &headers); err != nil {
			return nil, err
		}
		if err := json.Unmarshal(env, &x.env); err != nil {
			return nil, err
		}
		if err := json.Unmarshal(headers, &x.headers); err != nil {
			return nil, err
		}
		out = append(out, x)
	}
	return out, rs.Err()
}
