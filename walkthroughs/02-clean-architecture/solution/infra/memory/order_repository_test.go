package memory_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"example.com/edgo/users/domain"
	"example.com/edgo/users/infra/memory"
	"example.com/edgo/users/usecase"
)

// The adapter implements the use-case layer's port.
var _ usecase.OrderRepository = (*memory.OrderRepository)(nil)

func sampleOrder(t *testing.T) domain.Order {
	t.Helper()
	o, err := domain.NewOrder("o1", "c1", []domain.Item{{SKU: "A", Quantity: 1, UnitPriceCents: 100}}, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	return o
}

func TestMemoryRepositorySaveAndFind(t *testing.T) {
	repo := memory.NewOrderRepository()
	ctx := context.Background()
	o := sampleOrder(t)
	if err := repo.Save(ctx, o); err != nil {
		t.Fatalf("Save: %v", err)
	}
	got, err := repo.FindByID(ctx, "o1")
	if err != nil {
		t.Fatalf("FindByID(o1): %v", err)
	}
	if got.ID != o.ID || got.CustomerID != o.CustomerID || len(got.Items) != 1 {
		t.Errorf("FindByID(o1) = %+v, want %+v", got, o)
	}
}

func TestMemoryRepositoryNotFound(t *testing.T) {
	_, err := memory.NewOrderRepository().FindByID(context.Background(), "missing")
	if !errors.Is(err, domain.ErrOrderNotFound) {
		t.Errorf("FindByID(missing): err = %v, want domain.ErrOrderNotFound", err)
	}
}

func TestMemoryRepositoryStoresCopies(t *testing.T) {
	repo := memory.NewOrderRepository()
	ctx := context.Background()
	o := sampleOrder(t)
	if err := repo.Save(ctx, o); err != nil {
		t.Fatalf("Save: %v", err)
	}
	o.Items[0].Quantity = 50
	got, err := repo.FindByID(ctx, "o1")
	if err != nil {
		t.Fatalf("FindByID: %v", err)
	}
	if got.Items[0].Quantity != 1 {
		t.Errorf("changing the saved order's items changed the stored order; store a copy")
	}
}
