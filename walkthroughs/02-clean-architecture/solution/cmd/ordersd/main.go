// Command ordersd is the composition root: the only place that knows every
// layer. It picks the adapters (in-memory here) and hands them inward.
//
//	go run ./cmd/ordersd
//	curl -s -XPOST localhost:8080/orders -d '{"customerId":"c1","items":[{"sku":"BOOK-1","quantity":1,"unitPriceCents":1999}]}'
package main

import (
	"crypto/rand"
	"encoding/hex"
	"flag"
	"log"
	"net/http"
	"time"

	"example.com/edgo/orders/domain"
	"example.com/edgo/orders/infra/memory"
	"example.com/edgo/orders/interface/httpapi"
	"example.com/edgo/orders/usecase"
)

func main() {
	addr := flag.String("addr", ":8080", "listen address")
	flag.Parse()

	// To use Postgres instead: open a *sql.DB with a driver (see infra/postgres)
	// and pass postgres.NewOrderRepository(db). Nothing else changes.
	repo := memory.NewOrderRepository()
	orders := usecase.NewOrderService(repo, newID, time.Now)

	srv := &http.Server{Addr: *addr, Handler: httpapi.NewHandler(orders), ReadHeaderTimeout: 5 * time.Second}
	log.Printf("listening on %s", *addr)
	log.Fatal(srv.ListenAndServe())
}

func newID() domain.OrderID {
	b := make([]byte, 8)
	if _, err := rand.Read(b); err != nil {
		panic(err)
	}
	return domain.OrderID(hex.EncodeToString(b))
}
