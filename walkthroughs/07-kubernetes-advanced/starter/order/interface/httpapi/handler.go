// Package httpapi is the Order service's HTTP interface.
package httpapi

import (
	"encoding/json"
	"errors"
	"net/http"
	"time"

	"example.com/shop/order/domain"
	"example.com/shop/order/usecase"
)

// OrderView is an order as JSON.
type OrderView struct {
	ID         string        `json:"id"`
	CustomerID string        `json:"customerId"`
	Items      []domain.Line `json:"items"`
	Status     domain.Status `json:"status"`
	Reason     string        `json:"reason,omitempty"`
	PlacedAt   time.Time     `json:"placedAt"`
}

func view(o domain.Order) OrderView {
	return OrderView{ID: o.ID, CustomerID: o.CustomerID, Items: o.Lines, Status: o.Status, Reason: o.Reason, PlacedAt: o.PlacedAt}
}

// Routes registers POST /orders and GET /orders/{id}. onPlaced runs after
// an order is stored (the main wakes the outbox relay with it).
func Routes(mux *http.ServeMux, orders *usecase.Orders, onPlaced func()) {
	mux.HandleFunc("POST /orders", func(w http.ResponseWriter, r *http.Request) {
		var in usecase.PlaceOrderInput
		dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, 1<<20))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&in); err != nil {
			writeError(w, http.StatusBadRequest, "body must be JSON like {\"customerId\":\"c1\",\"items\":[{\"sku\":\"sku-1\",\"quantity\":1}]}: "+err.Error())
			return
		}
		o, err := orders.PlaceOrder(r.Context(), in)
		switch {
		case errors.Is(err, domain.ErrInvalidOrder):
			writeError(w, http.StatusUnprocessableEntity, err.Error())
			return
		case err != nil:
			writeError(w, http.StatusInternalServerError, err.Error())
			return
		}
		if onPlaced != nil {
			onPlaced()
		}
		w.Header().Set("Location", "/orders/"+o.ID)
		writeJSON(w, http.StatusCreated, view(o))
	})
	mux.HandleFunc("GET /orders/{id}", func(w http.ResponseWriter, r *http.Request) {
		o, err := orders.GetOrder(r.Context(), r.PathValue("id"))
		switch {
		case errors.Is(err, usecase.ErrNotFound):
			writeError(w, http.StatusNotFound, err.Error())
		case err != nil:
			writeError(w, http.StatusInternalServerError, err.Error())
		default:
			writeJSON(w, http.StatusOK, view(o))
		}
	})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

func writeError(w http.ResponseWriter, status int, msg string) {
	writeJSON(w, status, map[string]string{"error": msg})
}
