// Command inventory serves the stock API on :8081 (events: see ../../events/).
package main

import (
	"log"
	"net/http"

	"example.com/shop/inventory/httpapi"
)

func main() {
	mux := http.NewServeMux()
	httpapi.Routes(mux, map[string]int{"sku-1": 10, "sku-2": 0})
	log.Fatal(http.ListenAndServe(":8081", mux))
}
