package usecase_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"example.com/edgo/users/domain"
	"example.com/edgo/users/usecase"
)

// fakeRepo is an in-test repository, so the use cases are tested without
// any infrastructure.
type fakeRepo struct {
	saved   map[domain.OrderID]domain.Order
	saveErr error
}

func newFakeRepo() *fakeRepo { return &fakeRepo{saved: map[domain.OrderID]domain.Order{}} }

func (r *fakeRepo) Save(_ context.Context, o domain.Order) error {
	if r.saveErr != nil {
		return r.saveErr
	}
	r.saved[o.ID] = o
	return nil
}

func (r *fakeRepo) FindByID(_ context.Context, id domain.OrderID) (domain.Order, error) {
	o, ok := r.saved[id]
	if !ok {
		return domain.Order{}, domain.ErrOrderNotFound
	}
	return o, nil
}

var fixedNow = time.Date(2026, 3, 4, 5, 6, 7, 0, time.UTC)

func newService(repo usecase.OrderRepository) *usecase.OrderService {
	return usecase.NewOrderService(repo, func() domain.OrderID { return "order-1" }, func() time.Time { return fixedNow })
}

var validInput = usecase.CreateOrderInput{
	CustomerID: "c1",
	Items:      []domain.Item{{SKU: "BOOK-1", Quantity: 1, UnitPriceCents: 1999}},
}

func TestCreateOrder(t *testing.T) {
	repo := newFakeRepo()
	o, err := newService(repo).CreateOrder(context.Background(), validInput)
	if err != nil {
		t.Fatalf("CreateOrder: unexpected error: %v", err)
	}
	if o.ID != "order-1" {
		t.Errorf("CreateOrder: id = %q, want the generated %q", o.ID, "order-1")
	}
	if o.Status != domain.StatusPending || !o.CreatedAt.Equal(fixedNow) {
		t.Errorf("CreateOrder = %+v, want a pending order created at %v", o, fixedNow)
	}
	if _, ok := repo.saved["order-1"]; !ok {
		t.Errorf("CreateOrder did not save the order in the repository")
	}
}

func TestCreateOrderInvalidIsNotSaved(t *testing.T) {
	repo := newFakeRepo()
	_, err := newService(repo).CreateOrder(context.Background(), usecase.CreateOrderInput{CustomerID: "c1"})
	if !errors.Is(err, domain.ErrInvalidOrder) {
		t.Errorf("CreateOrder without items: err = %v, want one wrapping domain.ErrInvalidOrder", err)
	}
	if len(repo.saved) != 0 {
		t.Errorf("CreateOrder saved an invalid order")
	}
}

func TestCreateOrderSaveFails(t *testing.T) {
	boom := errors.New("connection refused")
	repo := newFakeRepo()
	repo.saveErr = boom
	_, err := newService(repo).CreateOrder(context.Background(), validInput)
	if !errors.Is(err, boom) {
		t.Errorf("CreateOrder with a failing repository: err = %v, want it to wrap the repository's error", err)
	}
}

func TestGetOrder(t *testing.T) {
	repo := newFakeRepo()
	svc := newService(repo)
	created, err := svc.CreateOrder(context.Background(), validInput)
	if err != nil {
		t.Fatalf("CreateOrder: %v", err)
	}
	got, err := svc.GetOrder(context.Background(), created.ID)
	if err != nil {
		t.Fatalf("GetOrder: unexpected error: %v", err)
	}
	if got.ID != created.ID || got.TotalCents() != 1999 {
		t.Errorf("GetOrder = %+v, want the created order", got)
	}
}

func TestGetOrderNotFound(t *testing.T) {
	_, err := newService(newFakeRepo()).GetOrder(context.Background(), "missing")
	if !errors.Is(err, domain.ErrOrderNotFound) {
		t.Errorf("GetOrder(missing): err = %v, want one wrapping domain.ErrOrderNotFound", err)
	}
}
