// Command order runs the Order service: HTTP API, outbox relay, and the
// consumer of Inventory's answers.
package main

import (
	"context"
	"errors"
	"log/slog"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"example.com/shop/order/infra/memstore"
	"example.com/shop/order/interface/consumer"
	"example.com/shop/order/interface/httpapi"
	"example.com/shop/order/usecase"
	"example.com/shop/platform/health"
	"example.com/shop/platform/messaging/busenv"
	"example.com/shop/platform/outbox"
)

func main() {
	log := slog.New(slog.NewTextHandler(os.Stderr, nil))
	if err := run(log); err != nil {
		log.Error("order service stopped", "err", err)
		os.Exit(1)
	}
}

func run(log *slog.Logger) error {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	bus, err := busenv.Connect(os.Getenv, "order", log)
	if err != nil {
		return err
	}
	defer bus.Close()

	store := memstore.New()
	orders := usecase.NewOrders(store, nil, nil)
	relay := outbox.NewRelay(store, bus, time.Second)
	relay.Logger = log
	relayDone := make(chan struct{})
	go func() { defer close(relayDone); relay.Run(ctx) }()

	// Subscribing waits for the broker; the HTTP server (and its probes)
	// starts at once so Kubernetes sees "alive, not ready yet".
	consumerDone := make(chan struct{})
	go func() {
		defer close(consumerDone)
		stopConsumer, err := consumer.Start(ctx, bus, orders)
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
	httpapi.Routes(mux, orders, relay.Wake)
	health.Routes(mux, map[string]health.Check{"broker": bus.Ready})
	err = serve(ctx, log, envOr("HTTP_ADDR", ":8080"), mux)
	// Shut down in order: the consumer drains and the relay ends its run
	// before the deferred bus.Close drains the connection.
	stop()
	<-consumerDone
	<-relayDone
	return err
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
