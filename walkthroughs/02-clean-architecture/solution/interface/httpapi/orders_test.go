package httpapi_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"example.com/edgo/users/domain"
	"example.com/edgo/users/interface/httpapi"
	"example.com/edgo/users/usecase"
)

// fakeUseCases stands in for the use-case layer: the handler test checks only
// the translation between HTTP and use cases.
type fakeUseCases struct {
	orders map[domain.OrderID]domain.Order
	got    usecase.CreateOrderInput
}

func (f *fakeUseCases) CreateOrder(_ context.Context, in usecase.CreateOrderInput) (domain.Order, error) {
	f.got = in
	o, err := domain.NewOrder("o-42", in.CustomerID, in.Items, time.Date(2026, 5, 6, 7, 8, 9, 0, time.UTC))
	if err != nil {
		return domain.Order{}, fmt.Errorf("create order: %w", err)
	}
	f.orders[o.ID] = o
	return o, nil
}

func (f *fakeUseCases) GetOrder(_ context.Context, id domain.OrderID) (domain.Order, error) {
	if id == "boom" {
		return domain.Order{}, errors.New("database is down")
	}
	o, ok := f.orders[id]
	if !ok {
		return domain.Order{}, fmt.Errorf("get order %s: %w", id, domain.ErrOrderNotFound)
	}
	return o, nil
}

func newFake() *fakeUseCases { return &fakeUseCases{orders: map[domain.OrderID]domain.Order{}} }

type orderJSON struct {
	ID         string `json:"id"`
	CustomerID string `json:"customerId"`
	Status     string `json:"status"`
	TotalCents int64  `json:"totalCents"`
}

func do(h http.Handler, method, target, body string) *httptest.ResponseRecorder {
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(method, target, strings.NewReader(body)))
	return rec
}

const validBody = `{"customerId":"c1","items":[{"sku":"BOOK-1","quantity":2,"unitPriceCents":1250}]}`

func TestHTTPCreateOrder(t *testing.T) {
	fake := newFake()
	rec := do(httpapi.NewOrderHandler(fake), http.MethodPost, "/orders", validBody)
	if rec.Code != http.StatusCreated {
		t.Fatalf("POST /orders: status = %d, want %d; body %s", rec.Code, http.StatusCreated, rec.Body)
	}
	if loc := rec.Header().Get("Location"); loc != "/orders/o-42" {
		t.Errorf("POST /orders: Location = %q, want /orders/o-42", loc)
	}
	var got orderJSON
	if err := json.Unmarshal(rec.Body.Bytes(), &got); err != nil {
		t.Fatalf("POST /orders: body is not JSON: %v", err)
	}
	if got.ID != "o-42" || got.CustomerID != "c1" || got.TotalCents != 2500 || got.Status != "pending" {
		t.Errorf("POST /orders: body = %+v, want id o-42, customer c1, total 2500, pending", got)
	}
	if fake.got.CustomerID != "c1" || len(fake.got.Items) != 1 || fake.got.Items[0].Quantity != 2 {
		t.Errorf("POST /orders passed %+v to CreateOrder, want the decoded request", fake.got)
	}
}

func TestHTTPCreateOrderBadRequest(t *testing.T) {
	h := httpapi.NewOrderHandler(newFake())
	for name, body := range map[string]string{
		"malformed JSON": `{"customerId":`,
		"invalid order":  `{"customerId":"c1","items":[]}`,
	} {
		if rec := do(h, http.MethodPost, "/orders", body); rec.Code != http.StatusBadRequest {
			t.Errorf("POST /orders with %s: status = %d, want %d", name, rec.Code, http.StatusBadRequest)
		}
	}
}

func TestHTTPGetOrder(t *testing.T) {
	h := httpapi.NewOrderHandler(newFake())
	if rec := do(h, http.MethodPost, "/orders", validBody); rec.Code != http.StatusCreated {
		t.Fatalf("POST /orders: status = %d, want %d", rec.Code, http.StatusCreated)
	}
	rec := do(h, http.MethodGet, "/orders/o-42", "")
	if rec.Code != http.StatusOK {
		t.Fatalf("GET /orders/o-42: status = %d, want %d", rec.Code, http.StatusOK)
	}
	var got orderJSON
	if err := json.Unmarshal(rec.Body.Bytes(), &got); err != nil || got.ID != "o-42" {
		t.Errorf("GET /orders/o-42: body = %s (%v), want the order", rec.Body, err)
	}
}

func TestHTTPGetOrderErrors(t *testing.T) {
	h := httpapi.NewOrderHandler(newFake())
	if rec := do(h, http.MethodGet, "/orders/nope", ""); rec.Code != http.StatusNotFound {
		t.Errorf("GET /orders/nope: status = %d, want %d", rec.Code, http.StatusNotFound)
	}
	rec := do(h, http.MethodGet, "/orders/boom", "")
	if rec.Code != http.StatusInternalServerError {
		t.Errorf("GET /orders/boom: status = %d, want %d", rec.Code, http.StatusInternalServerError)
	}
	if strings.Contains(rec.Body.String(), "database is down") {
		t.Errorf("GET /orders/boom leaks the internal error: %s", rec.Body)
	}
}
