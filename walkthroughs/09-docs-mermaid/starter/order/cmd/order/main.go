// Command order serves the Order API on :8080 (events: see ../../events/).
package main

import (
	"log"
	"net/http"

	"example.com/shop/order/httpapi"
)

func main() {
	mux := http.NewServeMux()
	httpapi.Routes(mux, httpapi.NewStore())
	log.Fatal(http.ListenAndServe(":8080", mux))
}
