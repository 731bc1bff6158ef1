package postgres

import (
	"context"
	"database/sql"
	"errors"
)

// Open connects to PostgreSQL at url (a DATABASE_URL such as
// postgres://user:pass@localhost:5432/orders?sslmode=disable) and checks that
// the server answers.
func Open(ctx context.Context, url string) (*sql.DB, error) {
	// TODO(step "Adapters: HTTP handlers and repositories"): add the pgx driver
	// (go get github.com/jackc/pgx/v5, then go mod tidy), import _ "github.com/jackc/pgx/v5/stdlib"
	// so it registers as "pgx", then sql.Open("pgx", url) and db.PingContext(ctx)
	// (close the db when the ping fails).
	return nil, errors.New("TODO: implement postgres.Open")
}
