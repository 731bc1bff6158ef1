// Package payment is the composition root of the payment service.
package payment

import (
	"context"
	"log/slog"
	"net/http"

	"github.com/nats-io/nats.go/jetstream"
	"go.opentelemetry.io/otel/trace"

	"example.com/capstone/internal/payment/adapters"
	"example.com/capstone/internal/payment/app"
	"example.com/capstone/internal/payment/domain"
	"example.com/capstone/internal/platform/eventbus"
	"example.com/capstone/internal/platform/observability"
)

// Name is the service name in metrics, traces and the CloudEvents source.
const Name = "payment"

// Deps are what the service needs from its host.
type Deps struct {
	JS         jetstream.JetStream
	Tracer     trace.TracerProvider
	Log        *slog.Logger
	LimitCents int64 // amounts above are declined; 0 = no limit
	Inbox      eventbus.Inbox
}

// Service is a running payment service.
type Service struct {
	Handler  http.Handler // /metrics
	Metrics  *observability.Metrics
	Payments *adapters.MemoryRepository
	stop     func()
}

// Stop stops consuming events.
func (s *Service) Stop() { s.stop() }

// Start wires the service and starts its consumer.
func Start(ctx context.Context, d Deps) (*Service, error) {
	if d.Inbox == nil {
		d.Inbox = eventbus.NewMemoryInbox()
	}
	metrics := observability.NewMetrics(Name)
	if err := eventbus.EnsureStreams(ctx, d.JS); err != nil {
		return nil, err
	}
	repo := adapters.NewMemoryRepository()
	pub := eventbus.NewPublisher(d.JS, "/services/"+Name, d.Tracer, metrics)
	svc := app.NewService(repo, pub, domain.Policy{LimitCents: d.LimitCents}, eventbus.NewID)
	sub := eventbus.NewSubscriber(d.JS, d.Tracer, metrics, d.Inbox, d.Log.With("service", Name))
	stop, err := sub.Subscribe(ctx, adapters.BookingRequests, adapters.BookingRequestedHandler(svc))
	if err != nil {
		return nil, err
	}
	mux := http.NewServeMux()
	mux.Handle("GET /metrics", metrics.Handler())
	return &Service{Handler: mux, Metrics: metrics, Payments: repo, stop: stop}, nil
}
