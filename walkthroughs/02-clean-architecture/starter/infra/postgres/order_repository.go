// Package postgres is an OrderRepository on PostgreSQL through database/sql;
// Open (open.go) connects with the pgx driver:
//
//	db, err := postgres.Open(ctx, os.Getenv("DATABASE_URL"))
package postgres

import (
	"context"
	"database/sql"
	"fmt"

	"example.com/edgo/users/domain"
)

// Schema creates the tables this repository uses.
const Schema = `
CREATE TABLE IF NOT EXISTS orders (
    id          TEXT PRIMARY KEY,
    customer_id TEXT        NOT NULL,
    status      TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL
);
CREATE TABLE IF NOT EXISTS order_items (
    order_id         TEXT    NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    position         INT     NOT NULL,
    sku              TEXT    NOT NULL,
    quantity         INT     NOT NULL CHECK (quantity > 0),
    unit_price_cents BIGINT  NOT NULL CHECK (unit_price_cents >= 0),
    PRIMARY KEY (order_id, position)
);`

// OrderRepository implements usecase.OrderRepository with SQL.
type OrderRepository struct {
	db *sql.DB
}

func NewOrderRepository(db *sql.DB) *OrderRepository {
	return &OrderRepository{db: db}
}

// Save writes the order and its items in one transaction (upsert).
func (r *OrderRepository) Save(ctx context.Context, o domain.Order) error {
	tx, err := r.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	defer tx.Rollback() //nolint:errcheck // a no-op after Commit

	if _, err := tx.ExecContext(ctx,
		`INSERT INTO orders (id, customer_id, status, created_at) VALUES ($1, $2, $3, $4)
		 ON CONFLICT (id) DO UPDATE SET customer_id = EXCLUDED.customer_id, status = EXCLUDED.status`,
		string(o.ID), o.CustomerID, string(o.Status), o.CreatedAt); err != nil {
		return fmt.Errorf("insert order %s: %w", o.ID, err)
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM order_items WHERE order_id = $1`, string(o.ID)); err != nil {
		return fmt.Errorf("clear items of %s: %w", o.ID, err)
	}
	for i, it := range o.Items {
		if _, err := tx.ExecContext(ctx,
			`INSERT INTO order_items (order_id, position, sku, quantity, unit_price_cents) VALUES ($1, $2, $3, $4, $5)`,
			string(o.ID), i, it.SKU, it.Quantity, it.UnitPriceCents); err != nil {
			return fmt.Errorf("insert item %d of %s: %w", i, o.ID, err)
		}
	}
	return tx.Commit()
}

// FindByID loads an order.
func (r *OrderRepository) FindByID(ctx context.Context, id domain.OrderID) (domain.Order, error) {
	o := domain.Order{ID: id}
	var status string
	err := r.db.QueryRowContext(ctx,
		`SELECT customer_id, status, created_at FROM orders WHERE id = $1`, string(id)).
		Scan(&o.CustomerID, &status, &o.CreatedAt)
	// TODO(step "Adapters: HTTP handlers and repositories"): when err is sql.ErrNoRows (test with
	// errors.Is), return an error wrapping domain.ErrOrderNotFound instead:
	// callers must never need to know about database/sql.
	if err != nil {
		return domain.Order{}, fmt.Errorf("select order %s: %w", id, err)
	}
	o.Status = domain.Status(status)

	rows, err := r.db.QueryContext(ctx,
		`SELECT sku, quantity, unit_price_cents FROM order_items WHERE order_id = $1 ORDER BY position`, string(id))
	if err != nil {
		return domain.Order{}, fmt.Errorf("select items of %s: %w", id, err)
	}
	defer rows.Close()
	for rows.Next() {
		var it domain.Item
		if err := rows.Scan(&it.SKU, &it.Quantity, &it.UnitPriceCents); err != nil {
			return domain.Order{}, fmt.Errorf("scan item of %s: %w", id, err)
		}
		o.Items = append(o.Items, it)
	}
	if err := rows.Err(); err != nil {
		return domain.Order{}, fmt.Errorf("items of %s: %w", id, err)
	}
	return o, nil
}
