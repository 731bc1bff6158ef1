// Command inventory runs the Inventory service: it reserves stock for each
// order.created and answers with inventory.reserved or inventory.rejected.
package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"os"
	"os/signal"
	"strconv"
	"strings"
	"syscall"
	"time"

	"example.com/shop/inventory/domain"
	"example.com/shop/inventory/infra/memstore"
	"example.com/shop/inventory/interface/consumer"
	"example.com/shop/inventory/interface/httpapi"
	"example.com/shop/inventory/usecase"
	"example.com/shop/platform/event"
	"example.com/shop/platform/health"
	"example.com/shop/platform/messaging"
	"example.com/shop/platform/messaging/busenv"
	"example.com/shop/platform/outbox"
)

func main() {
	log := slog.New(slog.NewTextHandler(os.Stderr, nil))
	if err := run(log); err != nil {
		log.Error("inventory service stopped", "err", err)
		os.Exit(1)
	}
}

func run(log *slog.Logger) error {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	stock, err := parseStock(envOr("INVENTORY_STOCK", "sku-1=10,sku-2=5,sku-3=0"))
	if err != nil {
		return err
	}
	bus, err := busenv.Connect(os.Getenv, "inventory", log)
	if err != nil {
		return err
	}
	defer bus.Close()

	store := memstore.New(stock)
	relay := outbox.NewRelay(store, bus, time.Second)
	relay.Logger = log
	relayDone := make(chan struct{})
	go func() { defer close(relayDone); relay.Run(ctx) }()

	reservations := usecase.NewReservations(store)
	consumerDone := make(chan struct{})
	go func() {
		defer close(consumerDone)
		// Wake the relay after each handled event so the answer goes out now.
		stopConsumer, err := consumer.Start(ctx, bus, reservations, func(next messaging.Handler) messaging.Handler {
			return func(ctx context.Context, e event.Envelope) error {
				err := next(ctx, e)
				relay.Wake()
				return err
			}
		})
		if err != nil {
			if ctx.Err() == nil { // not just shutting down before the broker came
				log.Error("subscribe", "err", err)
				stop()
			}
			return
		}
		<-ctx.Done()
		stopConsumer() // drains: the running handler finishes and acks
	}()

	mux := http.NewServeMux()
	httpapi.Routes(mux, store)
	health.Routes(mux, map[string]health.Check{"broker": bus.Ready})
	err = serve(ctx, log, envOr("HTTP_ADDR", ":8081"), mux)
	// Shut down in order: the consumer drains and the relay ends its run
	// before the deferred bus.Close drains the connection.
	stop()
	<-consumerDone
	<-relayDone
	return err
}

// parseStock reads "sku-1=10,sku-2=5".
func parseStock(s string) (domain.Stock, error) {
	stock := domain.Stock{}
	for _, pair := range strings.Split(s, ",") {
		if pair = strings.TrimSpace(pair); pair == "" {
			continue
		}
		sku, n, ok := strings.Cut(pair, "=")
		qty, err := strconv.Atoi(strings.TrimSpace(n))
		if !ok || err != nil || qty < 0 {
			return nil, fmt.Errorf("INVENTORY_STOCK: %q is not sku=quantity", pair)
		}
		stock[strings.TrimSpace(sku)] = qty
	}
	return stock, nil
}

func serve(ctx context.Context, log *slog.Logger, addr string, h http.Handler) error {
	srv := &http.Server{Addr: addr, Handler: h, ReadHeaderTimeout: 5 * time.Second}
	errc := make(chan error, 1)
	go func() { errc <- srv.ListenAndServe() }()
	log.Info("listening", "addr", addr)
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	shutdown, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdown); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

func envOr(key, def string) string {
	if v := os.Getenv(key); v != "" {
		return v
	}
	return def
}
