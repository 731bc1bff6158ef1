// Command usersd serves the users API over HTTP:
//
//	go run ./cmd/usersd -addr :8080
//	curl -s localhost:8080/users
package main

import (
	"flag"
	"log"
	"net/http"
	"time"

	"example.com/edgo/users"
)

func main() {
	addr := flag.String("addr", ":8080", "listen address")
	flag.Parse()

	svc := users.NewMemoryService(
		users.User{ID: "u1", Name: "Ada Lovelace"},
		users.User{ID: "u2", Name: "Grace Hopper"},
	)
	srv := &http.Server{
		Addr:              *addr,
		Handler:           users.NewHandler(svc),
		ReadHeaderTimeout: 5 * time.Second,
	}
	log.Printf("listening on %s", *addr)
	log.Fatal(srv.ListenAndServe())
}
