package host

import (
	"context"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"

	"example.com/capstone/internal/platform/outbox"
	"example.com/capstone/internal/platform/pgdb"
)

// Database opens DATABASE_URL and makes /readyz fail while it does not answer.
func (h *Host) Database(ctx context.Context) (*pgxpool.Pool, error) {
	db, err := pgdb.Open(ctx, Env("DATABASE_URL", ""))
	if err != nil {
		return nil, err
	}
	h.ReadyWhen(func() error {
		pctx, cancel := context.WithTimeout(ctx, 2*time.Second)
		defer cancel()
		if err := db.Ping(pctx); err != nil {
			return fmt.Errorf("PostgreSQL: %w", err)
		}
		return nil
	})
	return db, nil
}

// Retention is MESSAGE_RETENTION (a Go duration such as 192h): how long sent
// outbox rows, sent mails and inbox entries are kept before the cleanup
// deletes them. Keep it above the streams' 7-day MaxAge.
func Retention() (time.Duration, error) {
	v := Env("MESSAGE_RETENTION", "")
	if v == "" {
		return outbox.DefaultRetention, nil
	}
	d, err := time.ParseDuration(v)
	if err != nil || d <= 0 {
		return 0, fmt.Errorf("MESSAGE_RETENTION=%q is not a positive duration such as 192h", v)
	}
	return d, nil
}
