// Package booking is the composition root of the booking service: it wires
// the domain, use cases and adapters. cmd/booking and the end-to-end tests
// both start the service through Start.
package booking

import (
	"context"
	"errors"
	"log/slog"
	"net/http"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/nats-io/nats.go/jetstream"
	"go.opentelemetry.io/otel/trace"

	"example.com/capstone/internal/booking/adapters"
	"example.com/capstone/internal/booking/app"
	"example.com/capstone/internal/platform/eventbus"
	"example.com/capstone/internal/platform/observability"
	"example.com/capstone/internal/platform/outbox"
	"example.com/capstone/internal/platform/pgdb"
)

// Name is the service name in metrics, traces and the CloudEvents source.
const Name = "booking"

// Deps are what the service needs from its host.
type Deps struct {
	JS            jetstream.JetStream
	DB            *pgxpool.Pool // bookings, slots, outbox and inbox; shared by all replicas
	Tracer        trace.TracerProvider
	Log           *slog.Logger
	SlotCapacity  int           // places per slot
	RelayInterval time.Duration // how often the outbox relay looks for unsent events; default 200ms
	Retention     time.Duration // how long sent outbox rows and inbox entries are kept; default outbox.DefaultRetention
}

// Service is a running booking service.
type Service struct {
	Handler http.Handler // API, /metrics (health endpoints are added by the host)
	Metrics *observability.Metrics
	App     *app.Service
	stop    func()
}

// Stop stops consuming events, then stops the outbox relay and the cleanup.
func (s *Service) Stop() { s.stop() }

// Start migrates the database, starts the outbox relay, the cleanup and the consumer.
func Start(ctx context.Context, d Deps) (*Service, error) {
	if d.DB == nil {
		return nil, errors.New("booking needs a database (Deps.DB): " + pgdb.HowToStart)
	}
	if d.SlotCapacity <= 0 {
		d.SlotCapacity = 1
	}
	log := d.Log.With("service", Name)
	metrics := observability.NewMetrics(Name)
	if err := pgdb.Migrate(ctx, d.DB, adapters.Migrations()...); err != nil {
		return nil, err
	}
	if err := eventbus.EnsureStreams(ctx, d.JS); err != nil {
		return nil, err
	}
	pub := eventbus.NewPublisher(d.JS, "/services/"+Name, d.Tracer, metrics)
	relay := outbox.NewRelay(d.DB, pub, log, d.RelayInterval)
	stopRelay := relay.Start()
	stopCleanup := outbox.NewCleanup(d.DB, log, d.Retention).Start()
	svc := app.NewService(adapters.NewPostgresStore(d.DB, d.SlotCapacity, pub, relay.Kick), eventbus.NewID)

	// No in-memory inbox: the handlers record each event id in the database
	// inbox, in the transaction of their state change.
	sub := eventbus.NewSubscriber(d.JS, d.Tracer, metrics, nil, log)
	stopConsumer, err := sub.Subscribe(ctx, adapters.PaymentResults, adapters.PaymentResultHandler(svc))
	if err != nil {
		stopCleanup()
		stopRelay()
		return nil, err
	}

	mux := http.NewServeMux()
	adapters.RegisterHTTP(mux, svc, metrics, d.Tracer)
	mux.Handle("GET /metrics", metrics.Handler())
	return &Service{Handler: mux, Metrics: metrics, App: svc, stop: func() { stopConsumer(); stopRelay(); stopCleanup() }}, nil
}
