// Package infra_test runs one contract against every OrderRepository adapter:
// the in-memory one always, the PostgreSQL one against a real server when
// DATABASE_URL names one. Both must behave the same for the use cases.
package infra_test

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"errors"
	"net/url"
	"os"
	"strings"
	"testing"
	"time"

	"example.com/edgo/users/domain"
	"example.com/edgo/users/infra/memory"
	"example.com/edgo/users/infra/postgres"
	"example.com/edgo/users/usecase"
)

var (
	_ usecase.OrderRepository = (*memory.OrderRepository)(nil)
	_ usecase.OrderRepository = (*postgres.OrderRepository)(nil)
)

func TestOrderRepositoryContract(t *testing.T) {
	t.Run("memory", func(t *testing.T) {
		runContract(t, func(*testing.T) usecase.OrderRepository { return memory.NewOrderRepository() })
	})
	t.Run("postgres", func(t *testing.T) {
		dsn := os.Getenv("DATABASE_URL")
		if dsn == "" {
			t.Skip("DATABASE_URL is not set, so the PostgreSQL repository was not tested against PostgreSQL; " +
				"start one (docker run -d -p 5432:5432 -e POSTGRES_PASSWORD=edgo postgres:18) and set " +
				"DATABASE_URL=postgres://postgres:edgo@localhost:5432/postgres?sslmode=disable")
		}
		runContract(t, func(t *testing.T) usecase.OrderRepository { return postgres.NewOrderRepository(freshSchema(t, dsn)) })
	})
}

// freshSchema gives the test its own PostgreSQL schema with the repository's
// tables, dropped afterwards, so runs never see each other's rows.
func freshSchema(t *testing.T, dsn string) *sql.DB {
	t.Helper()
	ctx := context.Background()
	admin, err := postgres.Open(ctx, dsn)
	if err != nil {
		t.Fatalf("postgres.Open(DATABASE_URL): %v", err)
	}
	t.Cleanup(func() { admin.Close() })
	b := make([]byte, 6)
	_, _ = rand.Read(b)
	schema := "edgo_contract_" + hex.EncodeToString(b)
	if _, err := admin.ExecContext(ctx, "CREATE SCHEMA "+schema); err != nil {
		t.Fatalf("create schema: %v", err)
	}
	t.Cleanup(func() { _, _ = admin.ExecContext(context.Background(), "DROP SCHEMA "+schema+" CASCADE") })
	db, err := postgres.Open(ctx, withSearchPath(dsn, schema))
	if err != nil {
		t.Fatalf("postgres.Open with search_path: %v", err)
	}
	t.Cleanup(func() { db.Close() })
	if _, err := db.ExecContext(ctx, postgres.Schema); err != nil {
		t.Fatalf("create tables (postgres.Schema): %v", err)
	}
	return db
}

// withSearchPath adds search_path to a URL or keyword/value DATABASE_URL.
func withSearchPath(dsn, schema string) string {
	if strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://") {
		u, err := url.Parse(dsn)
		if err == nil {
			q := u.Query()
			q.Set("search_path", schema)
			u.RawQuery = q.Encode()
			return u.String()
		}
	}
	return dsn + " search_path=" + schema
}

func order(t *testing.T, id domain.OrderID, items ...domain.Item) domain.Order {
	t.Helper()
	// Microseconds: PostgreSQL keeps timestamps to the microsecond.
	o, err := domain.NewOrder(id, "c-"+string(id), items, time.Date(2026, 3, 4, 5, 6, 7, 123456000, time.UTC))
	if err != nil {
		t.Fatalf("domain.NewOrder: %v", err)
	}
	return o
}

func same(a, b domain.Order) bool {
	if a.ID != b.ID || a.CustomerID != b.CustomerID || a.Status != b.Status || !a.CreatedAt.Equal(b.CreatedAt) || len(a.Items) != len(b.Items) {
		return false
	}
	for i := range a.Items {
		if a.Items[i] != b.Items[i] {
			return false
		}
	}
	return true
}

// runContract is what every OrderRepository promises the use cases.
func runContract(t *testing.T, newRepo func(*testing.T) usecase.OrderRepository) {
	ctx := context.Background()
	book := domain.Item{SKU: "BOOK-1", Quantity: 2, UnitPriceCents: 1999}
	pen := domain.Item{SKU: "PEN-9", Quantity: 1, UnitPriceCents: 250}

	t.Run("saved order comes back whole", func(t *testing.T) {
		repo := newRepo(t)
		want := order(t, "o-1", book, pen)
		if err := repo.Save(ctx, want); err != nil {
			t.Fatalf("Save: %v", err)
		}
		got, err := repo.FindByID(ctx, "o-1")
		if err != nil {
			t.Fatalf("FindByID(o-1): %v", err)
		}
		if !same(got, want) {
			t.Errorf("FindByID(o-1) = %+v, want %+v (every field, items in order)", got, want)
		}
	})
	t.Run("missing order is ErrOrderNotFound", func(t *testing.T) {
		_, err := newRepo(t).FindByID(ctx, "nope")
		if !errors.Is(err, domain.ErrOrderNotFound) {
			t.Errorf("FindByID(nope): err = %v, want one wrapping domain.ErrOrderNotFound (translate the store's own not-found)", err)
		}
	})
	t.Run("saving again replaces the order", func(t *testing.T) {
		repo := newRepo(t)
		if err := repo.Save(ctx, order(t, "o-2", book, pen)); err != nil {
			t.Fatalf("Save: %v", err)
		}
		changed := order(t, "o-2", pen)
		changed.Status = domain.StatusConfirmed
		if err := repo.Save(ctx, changed); err != nil {
			t.Fatalf("Save again: %v", err)
		}
		got, err := repo.FindByID(ctx, "o-2")
		if err != nil {
			t.Fatalf("FindByID(o-2): %v", err)
		}
		if !same(got, changed) {
			t.Errorf("after saving o-2 again, FindByID = %+v, want %+v (the new items and status, nothing of the old)", got, changed)
		}
	})
	t.Run("orders are kept apart", func(t *testing.T) {
		repo := newRepo(t)
		a, b := order(t, "o-a", book), order(t, "o-b", pen)
		for _, o := range []domain.Order{a, b} {
			if err := repo.Save(ctx, o); err != nil {
				t.Fatalf("Save(%s): %v", o.ID, err)
			}
		}
		for _, want := range []domain.Order{a, b} {
			got, err := repo.FindByID(ctx, want.ID)
			if err != nil || !same(got, want) {
				t.Errorf("FindByID(%s) = %+v, %v; want %+v", want.ID, got, err, want)
			}
		}
	})
}
