package e2e

import (
	"context"
	"fmt"
	"os"
	"testing"

	"github.com/jackc/pgx/v5/pgxpool"

	"example.com/capstone/internal/platform/eventbus"
	"example.com/capstone/internal/platform/pgdb"
)

// testDatabase connects to $DATABASE_URL and gives the test a schema of its
// own (dropped at the end), so tests never see each other's bookings. The
// booking service keeps its state in PostgreSQL: without a database these
// tests fail and say how to start one.
func testDatabase(t *testing.T) *pgxpool.Pool {
	t.Helper()
	url := os.Getenv("DATABASE_URL")
	if url == "" {
		t.Fatal("these tests need PostgreSQL and DATABASE_URL is not set: " + pgdb.HowToStart +
			"\n(or, with Debian's postgresql package: initdb -D /tmp/pg -U postgres --auth=trust && " +
			"postgres -D /tmp/pg -k /tmp -p 5432 &, as a user other than root)")
	}
	ctx := context.Background()
	admin, err := pgdb.Open(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(admin.Close)
	schema := "e2e_" + eventbus.NewID()[:16]
	if _, err := admin.Exec(ctx, "CREATE SCHEMA "+schema); err != nil {
		t.Fatalf("create schema: %v", err)
	}
	t.Cleanup(func() { _, _ = admin.Exec(context.Background(), "DROP SCHEMA "+schema+" CASCADE") })

	cfg, err := pgxpool.ParseConfig(url)
	if err != nil {
		t.Fatal(err)
	}
	cfg.ConnConfig.RuntimeParams["search_path"] = schema
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(pool.Close)
	return pool
}

// count runs a SELECT count(*) query in the test's schema.
func count(t *testing.T, db *pgxpool.Pool, query string, args ...any) int {
	t.Helper()
	var n int
	if err := db.QueryRow(context.Background(), query, args...).Scan(&n); err != nil {
		t.Fatal(fmt.Errorf("%s: %w", query, err))
	}
	return n
}
