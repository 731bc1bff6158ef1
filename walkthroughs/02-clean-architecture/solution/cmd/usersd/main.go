// Command usersd is the composition root: the only place that knows every
// layer. It picks the adapters (in memory here) and hands them inward.
//
//	go run ./cmd/usersd -addr :8080
//	curl -s localhost:8080/users
//	curl -s -XPOST localhost:8080/orders -d '{"customerId":"c1","items":[{"sku":"BOOK-1","quantity":1,"unitPriceCents":1999}]}'
package main

import (
	"crypto/rand"
	"encoding/hex"
	"flag"
	"log"
	"net/http"
	"time"

	"example.com/edgo/users/domain"
	"example.com/edgo/users/infra/memory"
	"example.com/edgo/users/interface/httpapi"
	"example.com/edgo/users/usecase"
)

func main() {
	addr := flag.String("addr", ":8080", "listen address")
	flag.Parse()

	users := memory.NewUserStore(
		domain.User{ID: "u1", Name: "Ada Lovelace"},
		domain.User{ID: "u2", Name: "Grace Hopper"},
	)
	// To keep orders in PostgreSQL instead: db, err := postgres.Open(ctx, os.Getenv("DATABASE_URL"))
	// and pass postgres.NewOrderRepository(db). Nothing else changes.
	orders := usecase.NewOrderService(memory.NewOrderRepository(), newID, time.Now)

	mux := http.NewServeMux()
	userAPI, orderAPI := httpapi.NewUserHandler(users), httpapi.NewOrderHandler(orders)
	mux.Handle("/users", userAPI)
	mux.Handle("/users/", userAPI)
	mux.Handle("/orders", orderAPI)
	mux.Handle("/orders/", orderAPI)

	srv := &http.Server{Addr: *addr, Handler: mux, ReadHeaderTimeout: 5 * time.Second}
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
