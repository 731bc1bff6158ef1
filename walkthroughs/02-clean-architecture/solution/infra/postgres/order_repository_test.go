package postgres_test

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"io"
	"strings"
	"sync"
	"testing"
	"time"

	"example.com/edgo/orders/domain"
	"example.com/edgo/orders/infra/postgres"
	"example.com/edgo/orders/usecase"
)

// The Postgres adapter implements the same port as the in-memory one.
var _ usecase.OrderRepository = (*postgres.OrderRepository)(nil)

// recorder is a tiny database/sql driver that records statements and answers
// every query with no rows, so the adapter is tested without a database.
type recorder struct {
	mu         sync.Mutex
	statements []string
	args       [][]driver.Value
	commits    int
}

var rec = &recorder{}

func init() { sql.Register("edgo-recorder", rec) }

func (r *recorder) Open(string) (driver.Conn, error) { return conn{r}, nil }

func (r *recorder) log(query string, args []driver.Value) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.statements = append(r.statements, query)
	r.args = append(r.args, args)
}

type conn struct{ r *recorder }

func (c conn) Prepare(q string) (driver.Stmt, error) { return stmt{c.r, q}, nil }
func (c conn) Close() error                          { return nil }
func (c conn) Begin() (driver.Tx, error)             { c.r.log("BEGIN", nil); return tx{c.r}, nil }

type tx struct{ r *recorder }

func (t tx) Commit() error {
	t.r.mu.Lock()
	defer t.r.mu.Unlock()
	t.r.commits++
	return nil
}
func (t tx) Rollback() error { return nil }

type stmt struct {
	r *recorder
	q string
}

func (s stmt) Close() error  { return nil }
func (s stmt) NumInput() int { return -1 }
func (s stmt) Exec(args []driver.Value) (driver.Result, error) {
	s.r.log(s.q, args)
	return driver.RowsAffected(1), nil
}
func (s stmt) Query(args []driver.Value) (driver.Rows, error) {
	s.r.log(s.q, args)
	return emptyRows{}, nil
}

type emptyRows struct{}

func (emptyRows) Columns() []string              { return []string{"a", "b", "c"} }
func (emptyRows) Close() error                   { return nil }
func (emptyRows) Next(dest []driver.Value) error { return io.EOF }

func openRecorder(t *testing.T) *sql.DB {
	t.Helper()
	db, err := sql.Open("edgo-recorder", "")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func TestPostgresRepositoryFindMissing(t *testing.T) {
	repo := postgres.NewOrderRepository(openRecorder(t))
	_, err := repo.FindByID(context.Background(), "missing")
	if !errors.Is(err, domain.ErrOrderNotFound) {
		t.Errorf("FindByID on no rows: err = %v, want one wrapping domain.ErrOrderNotFound (translate sql.ErrNoRows)", err)
	}
}

func TestPostgresRepositorySaveCommits(t *testing.T) {
	repo := postgres.NewOrderRepository(openRecorder(t))
	o, err := domain.NewOrder("o-77", "c1", []domain.Item{{SKU: "A", Quantity: 1, UnitPriceCents: 5}}, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	rec.mu.Lock()
	before := rec.commits
	rec.mu.Unlock()
	if err := repo.Save(context.Background(), o); err != nil {
		t.Fatalf("Save: %v", err)
	}
	rec.mu.Lock()
	defer rec.mu.Unlock()
	if rec.commits != before+1 {
		t.Errorf("Save committed %d transactions, want 1", rec.commits-before)
	}
	wroteOrder := false
	for i, q := range rec.statements {
		if strings.Contains(strings.ToLower(q), "orders") {
			for _, a := range rec.args[i] {
				if a == "o-77" {
					wroteOrder = true
				}
			}
		}
	}
	if !wroteOrder {
		t.Errorf("Save sent no statement on the orders table with the order id; statements: %q", rec.statements)
	}
}
