// Package httpapi is Inventory's HTTP interface: read the stock.
package httpapi

import (
	"encoding/json"
	"net/http"
)

// StockReader is what the handler needs from the store.
type StockReader interface {
	Available(sku string) int
	Applied() int
}

// Routes registers GET /stock/{sku}.
func Routes(mux *http.ServeMux, stock StockReader) {
	mux.HandleFunc("GET /stock/{sku}", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(map[string]any{
			"sku":       r.PathValue("sku"),
			"available": stock.Available(r.PathValue("sku")),
			"processed": stock.Applied(),
		})
	})
}
