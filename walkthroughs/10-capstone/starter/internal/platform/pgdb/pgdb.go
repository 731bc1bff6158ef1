// Package pgdb opens the PostgreSQL connection pool a service keeps its state
// in, and applies the service's embedded schema migrations at start.
package pgdb

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"sort"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

// HowToStart is the advice printed when no database is configured or reachable.
const HowToStart = `set DATABASE_URL to a PostgreSQL database, e.g.
  docker run -d --name booking-db -p 5432:5432 -e POSTGRES_PASSWORD=booking postgres:17
  export DATABASE_URL='postgres://postgres:booking@127.0.0.1:5432/postgres?sslmode=disable'`

// Open connects to url and checks the database answers within 10 s.
func Open(ctx context.Context, url string) (*pgxpool.Pool, error) {
	if url == "" {
		return nil, errors.New("DATABASE_URL is empty: " + HowToStart)
	}
	cfg, err := pgxpool.ParseConfig(url)
	if err != nil {
		return nil, fmt.Errorf("DATABASE_URL is not a PostgreSQL URL: %w", err)
	}
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, err
	}
	pctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	if err := pool.Ping(pctx); err != nil {
		pool.Close()
		return nil, fmt.Errorf("PostgreSQL at %s:%d does not answer (%w); %s", cfg.ConnConfig.Host, cfg.ConnConfig.Port, err, HowToStart)
	}
	return pool, nil
}

// Migrations is one component's set of *.sql files, applied in name order.
type Migrations struct {
	Component string // recorded with each file name, e.g. "booking"
	FS        fs.FS
}

// migrationLock is the advisory lock id that serialises migrations when
// several replicas start at the same moment.
const migrationLock = 7_202_610

// Migrate applies every file not yet recorded in schema_migrations, all in one
// transaction under an advisory lock: replicas starting together apply each
// file once, and a failing file leaves the schema as it was.
func Migrate(ctx context.Context, pool *pgxpool.Pool, sets ...Migrations) error {
	return pgx.BeginFunc(ctx, pool, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock($1)`, migrationLock); err != nil {
			return fmt.Errorf("migration lock: %w", err)
		}
		if _, err := tx.Exec(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
			version    text PRIMARY KEY,
			applied_at timestamptz NOT NULL DEFAULT now())`); err != nil {
			return fmt.Errorf("schema_migrations: %w", err)
		}
		for _, set := range sets {
			names, err := fs.Glob(set.FS, "*.sql")
			if err != nil {
				return err
			}
			sort.Strings(names)
			for _, name := range names {
				version := set.Component + "/" + name
				tag, err := tx.Exec(ctx, `INSERT INTO schema_migrations (version) VALUES ($1) ON CONFLICT DO NOTHING`, version)
				if err != nil {
					return err
				}
				if tag.RowsAffected() == 0 {
					continue // applied before
				}
				sql, err := fs.ReadFile(set.FS, name)
				if err != nil {
					return err
				}
				if _, err := tx.Exec(ctx, string(sql)); err != nil {
					return fmt.Errorf("migration %s: %w", version, err)
				}
			}
		}
		return nil
	})
}
