package outbox

import (
	"context"
	"log/slog"
	"sync"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
)

// DefaultRetention is how long sent outbox rows and inbox entries are kept
// when MESSAGE_RETENTION is not set. It must stay longer than the time an
// event can still be delivered again (the streams keep events 7 days):
// an inbox entry deleted earlier would let a late redelivery through.
const DefaultRetention = 8 * 24 * time.Hour

// Cleanup deletes rows older than the retention period. Statements are
// DELETEs whose $1 is the cutoff time; the outbox's and the inbox's come
// first, a service adds its own (e.g. sent notifications).
type Cleanup struct {
	pool       *pgxpool.Pool
	log        *slog.Logger
	retention  time.Duration
	statements []string
}

// NewCleanup deletes sent outbox rows and inbox entries older than
// retention, plus whatever the extra statements delete.
func NewCleanup(pool *pgxpool.Pool, log *slog.Logger, retention time.Duration, extra ...string) *Cleanup {
	if retention <= 0 {
		retention = DefaultRetention
	}
	statements := append([]string{
		// Only sent rows: an unsent row is an event not yet published, however old.
		`DELETE FROM outbox WHERE sent_at IS NOT NULL AND sent_at < $1`,
		`DELETE FROM inbox WHERE processed_at < $1`,
	}, extra...)
	return &Cleanup{pool: pool, log: log, retention: retention, statements: statements}
}

// Run deletes once and returns how many rows went. Replicas may run it at
// the same time: each DELETE removes a row once.
func (c *Cleanup) Run(ctx context.Context) (int64, error) {
	cutoff := time.Now().Add(-c.retention)
	var deleted int64
	for _, stmt := range c.statements {
		tag, err := c.pool.Exec(ctx, stmt, cutoff)
		if err != nil {
			return deleted, err
		}
		deleted += tag.RowsAffected()
	}
	return deleted, nil
}

// Start runs the cleanup now and then every retention/24 (at most hourly)
// until the returned stop function is called.
func (c *Cleanup) Start() (stop func()) {
	every := min(c.retention/24, time.Hour)
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		tick := time.NewTicker(every)
		defer tick.Stop()
		for {
			if n, err := c.Run(ctx); err != nil && ctx.Err() == nil {
				c.log.Warn("cleanup of old outbox and inbox rows failed, will retry", "error", err)
			} else if n > 0 {
				c.log.Info("deleted old outbox and inbox rows", "rows", n, "retention", c.retention.String())
			}
			select {
			case <-ctx.Done():
				return
			case <-tick.C:
			}
		}
	}()
	return func() { cancel(); wg.Wait() }
}
