// Package httpapi is the Inventory service's HTTP interface.
package httpapi

import (
	"encoding/json"
	"net/http"
)

// Routes registers GET /stock/{sku}.
func Routes(mux *http.ServeMux, stock map[string]int) {
	mux.HandleFunc("GET /stock/{sku}", func(w http.ResponseWriter, r *http.Request) {
		n, ok := stock[r.PathValue("sku")]
		w.Header().Set("Content-Type", "application/json")
		if !ok {
			w.WriteHeader(http.StatusNotFound)
			_ = json.NewEncoder(w).Encode(map[string]string{"error": "unknown sku"})
			return
		}
		_ = json.NewEncoder(w).Encode(map[string]int{"available": n})
	})
}
