// Package httpapi is the HTTP adapter (the "interface adapters" layer). It
// turns requests into use-case calls and results into JSON. It lives in
// interface/httpapi because `interface` is a Go keyword and cannot be a
// package name.
package httpapi

import (
	"context"
	"encoding/json"
	"errors"
	"log"
	"net/http"
	"time"

	"example.com/edgo/users/domain"
	"example.com/edgo/users/usecase"
)

// OrderUseCases is what the handlers need; *usecase.OrderService satisfies it
// and tests can pass a fake.
type OrderUseCases interface {
	CreateOrder(ctx context.Context, in usecase.CreateOrderInput) (domain.Order, error)
	GetOrder(ctx context.Context, id domain.OrderID) (domain.Order, error)
}

// Wire formats: JSON tags live here, not on the domain types.
type itemJSON struct {
	SKU            string `json:"sku"`
	Quantity       int    `json:"quantity"`
	UnitPriceCents int64  `json:"unitPriceCents"`
}

type createOrderRequest struct {
	CustomerID string     `json:"customerId"`
	Items      []itemJSON `json:"items"`
}

type orderResponse struct {
	ID         string     `json:"id"`
	CustomerID string     `json:"customerId"`
	Items      []itemJSON `json:"items"`
	Status     string     `json:"status"`
	TotalCents int64      `json:"totalCents"`
	CreatedAt  time.Time  `json:"createdAt"`
}

// NewOrderHandler returns POST /orders and GET /orders/{id}.
func NewOrderHandler(uc OrderUseCases) http.Handler {
	mux := http.NewServeMux()

	// TODO(step "Adapters: HTTP handlers and repositories"): register "POST /orders". Decode a
	// createOrderRequest (400 on malformed JSON), convert it to a
	// usecase.CreateOrderInput, call uc.CreateOrder and answer 201 with a
	// Location: /orders/{id} header and toResponse(order) as JSON. Map errors
	// with writeUseCaseError.

	// TODO(step "Adapters: HTTP handlers and repositories"): register "GET /orders/{id}": call
	// uc.GetOrder(r.Context(), domain.OrderID(r.PathValue("id"))) and answer
	// 200 with toResponse(order), or writeUseCaseError(w, err).

	_ = uc // remove once the handlers use uc
	return mux
}

func toResponse(o domain.Order) orderResponse {
	items := make([]itemJSON, 0, len(o.Items))
	for _, it := range o.Items {
		items = append(items, itemJSON(it))
	}
	return orderResponse{
		ID: string(o.ID), CustomerID: o.CustomerID, Items: items,
		Status: string(o.Status), TotalCents: o.TotalCents(), CreatedAt: o.CreatedAt,
	}
}

// writeUseCaseError maps domain errors to status codes, in one place.
func writeUseCaseError(w http.ResponseWriter, err error) {
	switch {
	case errors.Is(err, domain.ErrInvalidOrder):
		writeOrderError(w, http.StatusBadRequest, err.Error())
	case errors.Is(err, domain.ErrOrderNotFound):
		writeOrderError(w, http.StatusNotFound, "order not found")
	default:
		log.Printf("orders: %v", err)
		writeOrderError(w, http.StatusInternalServerError, "internal error")
	}
}

func writeOrderJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	if err := json.NewEncoder(w).Encode(v); err != nil {
		log.Printf("write response: %v", err)
	}
}

func writeOrderError(w http.ResponseWriter, status int, msg string) {
	writeOrderJSON(w, status, map[string]string{"error": msg})
}
