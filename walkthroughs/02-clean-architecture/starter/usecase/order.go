// Package usecase holds the application rules: what the system does with
// orders. It depends on domain only, and declares the OrderRepository port
// that the infra layer implements (the dependency points inward).
package usecase

import (
	"context"
	"errors"
	"time"

	"example.com/edgo/users/domain"
)

// OrderRepository is the port to storage. Implementations live in infra/
// and must return domain.ErrOrderNotFound (possibly wrapped) for a missing id.
type OrderRepository interface {
	Save(ctx context.Context, o domain.Order) error
	FindByID(ctx context.Context, id domain.OrderID) (domain.Order, error)
}

// CreateOrderInput is what a caller provides; the service picks the id and time.
type CreateOrderInput struct {
	CustomerID string
	Items      []domain.Item
}

// OrderService implements the CreateOrder and GetOrder use cases.
type OrderService struct {
	repo  OrderRepository
	newID func() domain.OrderID
	now   func() time.Time
}

// NewOrderService wires the use cases to a repository. newID and now are
// injected so tests are deterministic.
func NewOrderService(repo OrderRepository, newID func() domain.OrderID, now func() time.Time) *OrderService {
	return &OrderService{repo: repo, newID: newID, now: now}
}

// CreateOrder validates a new order through the domain and saves it.
func (s *OrderService) CreateOrder(ctx context.Context, in CreateOrderInput) (domain.Order, error) {
	// TODO(step "Use cases: CreateOrder and GetOrder"): build the order with domain.NewOrder(s.newID(),
	// in.CustomerID, in.Items, s.now()), save it with s.repo.Save, and wrap
	// every error with context ("create order: %w").
	return domain.Order{}, errors.New("TODO: implement CreateOrder")
}

// GetOrder loads an order; a missing one gives an error wrapping
// domain.ErrOrderNotFound.
func (s *OrderService) GetOrder(ctx context.Context, id domain.OrderID) (domain.Order, error) {
	// TODO(step "Use cases: CreateOrder and GetOrder"): load the order with s.repo.FindByID.
	return domain.Order{}, errors.New("TODO: implement GetOrder")
}
