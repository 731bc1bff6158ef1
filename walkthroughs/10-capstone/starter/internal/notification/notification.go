// Package notification is the composition root of the notification service.
package notification

import (
	"context"
	"errors"
	"log/slog"
	"net/http"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/nats-io/nats.go/jetstream"
	"go.opentelemetry.io/otel/trace"

	"example.com/capstone/internal/notification/adapters"
	"example.com/capstone/internal/notification/app"
	"example.com/capstone/internal/platform/eventbus"
	"example.com/capstone/internal/platform/observability"
	"example.com/capstone/internal/platform/outbox"
	"example.com/capstone/internal/platform/pgdb"
)

// Name is the service name in metrics, traces and the CloudEvents source.
const Name = "notification"

// Deps are what the service needs from its host.
type Deps struct {
	JS            jetstream.JetStream
	DB            *pgxpool.Pool // inbox and queued mails; shared by all replicas
	Tracer        trace.TracerProvider
	Log           *slog.Logger
	Mail          *adapters.MailSink // where mails go; a new sink when nil
	RelayInterval time.Duration      // how often the mail relay looks for unsent mails; default 200ms
	Retention     time.Duration      // how long sent mails and inbox entries are kept; default outbox.DefaultRetention
}

// Service is a running notification service.
type Service struct {
	Handler http.Handler // /metrics
	Metrics *observability.Metrics
	Mail    *adapters.MailSink
	stop    func()
}

// Stop stops consuming events, then the mail relay and the cleanup.
func (s *Service) Stop() { s.stop() }

// Start migrates the database, starts the mail relay, the cleanup and the consumer.
func Start(ctx context.Context, d Deps) (*Service, error) {
	if d.DB == nil {
		return nil, errors.New("notification needs a database (Deps.DB): " + pgdb.HowToStart)
	}
	log := d.Log.With("service", Name)
	if d.Mail == nil {
		d.Mail = adapters.NewMailSink(log)
	}
	metrics := observability.NewMetrics(Name)
	if err := pgdb.Migrate(ctx, d.DB, adapters.Migrations()...); err != nil {
		return nil, err
	}
	if err := eventbus.EnsureStreams(ctx, d.JS); err != nil {
		return nil, err
	}
	relay := adapters.NewMailRelay(d.DB, d.Mail, log, d.RelayInterval)
	stopRelay := relay.Start()
	stopCleanup := outbox.NewCleanup(d.DB, log, d.Retention, adapters.CleanupSentMails).Start()
	svc := app.NewService(adapters.NewPostgresStore(d.DB, relay.Kick))
	// No in-memory inbox: the handlers record each event id in the database
	// inbox, in the transaction that queues the mail.
	sub := eventbus.NewSubscriber(d.JS, d.Tracer, metrics, nil, log)
	stopConsumer, err := sub.Subscribe(ctx, adapters.BookingOutcomes, adapters.BookingOutcomeHandler(svc))
	if err != nil {
		stopCleanup()
		stopRelay()
		return nil, err
	}
	mux := http.NewServeMux()
	mux.Handle("GET /metrics", metrics.Handler())
	return &Service{Handler: mux, Metrics: metrics, Mail: d.Mail, stop: func() { stopConsumer(); stopRelay(); stopCleanup() }}, nil
}
