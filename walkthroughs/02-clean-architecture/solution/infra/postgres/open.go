package postgres

import (
	"context"
	"database/sql"
	"fmt"

	// The pgx driver registers itself with database/sql as "pgx".
	_ "github.com/jackc/pgx/v5/stdlib"
)

// Open connects to PostgreSQL at url (a DATABASE_URL such as
// postgres://user:pass@localhost:5432/orders?sslmode=disable) and checks that
// the server answers.
func Open(ctx context.Context, url string) (*sql.DB, error) {
	db, err := sql.Open("pgx", url)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", url, err)
	}
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("connect to PostgreSQL: %w", err)
	}
	return db, nil
}
