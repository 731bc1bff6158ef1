package httpapi

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"example.com/shop/order/infra/memstore"
	"example.com/shop/order/usecase"
)

func TestPostThenGetOrder(t *testing.T) {
	store := memstore.New()
	mux := http.NewServeMux()
	placed := 0
	Routes(mux, usecase.NewOrders(store, nil, nil), func() { placed++ })

	rec := httptest.NewRecorder()
	mux.ServeHTTP(rec, httptest.NewRequest("POST", "/orders", strings.NewReader(`{"customerId":"c1","items":[{"sku":"sku-1","quantity":2}]}`)))
	if rec.Code != http.StatusCreated {
		t.Fatalf("POST /orders: %d %s", rec.Code, rec.Body)
	}
	var created OrderView
	if err := json.Unmarshal(rec.Body.Bytes(), &created); err != nil || created.Status != "pending" || placed != 1 {
		t.Fatalf("created %+v err %v placed %d", created, err, placed)
	}
	pending, _ := store.Pending(context.Background(), 10)
	if len(pending) != 1 || pending[0].Type != usecase.TypeOrderCreated {
		t.Fatalf("outbox holds %+v, want one order.created", pending)
	}

	rec = httptest.NewRecorder()
	mux.ServeHTTP(rec, httptest.NewRequest("GET", "/orders/"+created.ID, nil))
	if rec.Code != http.StatusOK || !strings.Contains(rec.Body.String(), created.ID) {
		t.Fatalf("GET: %d %s", rec.Code, rec.Body)
	}
	rec = httptest.NewRecorder()
	mux.ServeHTTP(rec, httptest.NewRequest("GET", "/orders/nope", nil))
	if rec.Code != http.StatusNotFound {
		t.Fatalf("unknown id: %d", rec.Code)
	}
}

func TestPostRejectsBadInput(t *testing.T) {
	mux := http.NewServeMux()
	Routes(mux, usecase.NewOrders(memstore.New(), nil, nil), nil)
	for body, want := range map[string]int{
		`not json`:                       http.StatusBadRequest,
		`{"customerId":"c1","items":[]}`: http.StatusUnprocessableEntity,
	} {
		rec := httptest.NewRecorder()
		mux.ServeHTTP(rec, httptest.NewRequest("POST", "/orders", strings.NewReader(body)))
		if rec.Code != want {
			t.Errorf("%s: got %d want %d", body, rec.Code, want)
		}
	}
}
