// Package payment is the composition root of the payment service.
package payment

import (
	"context"
	"errors"
	"log/slog"
	"net/http"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/nats-io/nats.go/jetstream"
	"go.opentelemetry.io/otel/trace"

	"example.com/capstone/internal/payment/adapters"
	"example.com/capstone/internal/payment/app"
	"example.com/capstone/internal/payment/domain"
	"example.com/capstone/internal/platform/eventbus"
	"example.com/capstone/internal/platform/observability"
	"example.com/capstone/internal/platform/outbox"
	"example.com/capstone/internal/platform/pgdb"
)

// Name is the service name in metrics, traces and the CloudEvents source.
const Name = "payment"

// Deps are what the service needs from its host.
type Deps struct {
	JS            jetstream.JetStream
	DB            *pgxpool.Pool // decisions, outbox and inbox; shared by all replicas
	Tracer        trace.TracerProvider
	Log           *slog.Logger
	LimitCents    int64         // amounts above are declined; 0 = no limit
	RelayInterval time.Duration // how often the outbox relay looks for unsent events; default 200ms
	Retention     time.Duration // how long sent outbox rows and inbox entries are kept; default outbox.DefaultRetention
}

// Service is a running payment service.
type Service struct {
	Handler  http.Handler // /metrics
	Metrics  *observability.Metrics
	Payments *adapters.PostgresStore
	stop     func()
}

// Stop stops consuming events, then the outbox relay and the cleanup.
func (s *Service) Stop() { s.stop() }

// Start migrates the database, starts the outbox relay, the cleanup and the consumer.
func Start(ctx context.Context, d Deps) (*Service, error) {
	if d.DB == nil {
		return nil, errors.New("payment needs a database (Deps.DB): " + pgdb.HowToStart)
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
	store := adapters.NewPostgresStore(d.DB, pub, relay.Kick)
	svc := app.NewService(store, domain.Policy{LimitCents: d.LimitCents}, eventbus.NewID)
	// No in-memory inbox: the handler records each event id in the database
	// inbox, in the transaction of its decision.
	sub := eventbus.NewSubscriber(d.JS, d.Tracer, metrics, nil, log)
	stopConsumer, err := sub.Subscribe(ctx, adapters.BookingRequests, adapters.BookingRequestedHandler(svc))
	if err != nil {
		stopCleanup()
		stopRelay()
		return nil, err
	}
	mux := http.NewServeMux()
	mux.Handle("GET /metrics", metrics.Handler())
	return &Service{Handler: mux, Metrics: metrics, Payments: store, stop: func() { stopConsumer(); stopRelay(); stopCleanup() }}, nil
}
