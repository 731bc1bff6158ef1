// Package httpapi is the Order service's HTTP interface (a trimmed copy of
// module 5's, enough to document: the events flow is in the event YAML).
package httpapi

import (
	"encoding/json"
	"net/http"
	"strconv"
	"sync"
)

// Line is one item of an order.
type Line struct {
	SKU      string `json:"sku"`
	Quantity int    `json:"quantity"`
}

// Order is an order as the API shows it.
type Order struct {
	ID         string `json:"id"`
	CustomerID string `json:"customerId"`
	Items      []Line `json:"items"`
	Status     string `json:"status"`
}

// Store keeps orders in memory.
type Store struct {
	mu     sync.Mutex
	orders map[string]Order
}

// NewStore returns an empty store.
func NewStore() *Store { return &Store{orders: map[string]Order{}} }

// Routes registers POST /orders and GET /orders/{id}.
func Routes(mux *http.ServeMux, s *Store) {
	mux.HandleFunc("POST /orders", s.placeOrder)
	mux.HandleFunc("GET /orders/{id}", s.getOrder)
}

func (s *Store) placeOrder(w http.ResponseWriter, r *http.Request) {
	var in struct {
		CustomerID string `json:"customerId"`
		Items      []Line `json:"items"`
	}
	if err := json.NewDecoder(r.Body).Decode(&in); err != nil || in.CustomerID == "" || len(in.Items) == 0 {
		writeJSON(w, http.StatusBadRequest, map[string]string{"error": `body must be JSON like {"customerId":"c1","items":[{"sku":"sku-1","quantity":1}]}`})
		return
	}
	s.mu.Lock()
	o := Order{ID: strconv.Itoa(len(s.orders) + 1), CustomerID: in.CustomerID, Items: in.Items, Status: "pending"}
	s.orders[o.ID] = o
	s.mu.Unlock()
	w.Header().Set("Location", "/orders/"+o.ID)
	writeJSON(w, http.StatusCreated, o)
}

func (s *Store) getOrder(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	o, ok := s.orders[r.PathValue("id")]
	s.mu.Unlock()
	if !ok {
		writeJSON(w, http.StatusNotFound, map[string]string{"error": "order not found"})
		return
	}
	writeJSON(w, http.StatusOK, o)
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}
