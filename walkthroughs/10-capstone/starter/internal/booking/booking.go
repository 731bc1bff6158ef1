// Package booking is the composition root of the booking service: it wires
// the domain, use cases and adapters. cmd/booking and the end-to-end tests
// both start the service through Start.
package booking

import (
	"context"
	"log/slog"
	"net/http"

	"github.com/nats-io/nats.go/jetstream"
	"go.opentelemetry.io/otel/trace"

	"example.com/capstone/internal/booking/adapters"
	"example.com/capstone/internal/booking/app"
	"example.com/capstone/internal/platform/eventbus"
	"example.com/capstone/internal/platform/observability"
)

// Name is the service name in metrics, traces and the CloudEvents source.
const Name = "booking"

// Deps are what the service needs from its host.
type Deps struct {
	JS           jetstream.JetStream
	Tracer       trace.TracerProvider
	Log          *slog.Logger
	SlotCapacity int            // places per slot
	Inbox        eventbus.Inbox // nil for a fresh in-memory inbox
}

// Service is a running booking service.
type Service struct {
	Handler http.Handler // API, /metrics (health endpoints are added by the host)
	Metrics *observability.Metrics
	Holds   *adapters.MemorySlotHolds
	App     *app.Service
	stop    func()
}

// Stop stops consuming events.
func (s *Service) Stop() { s.stop() }

// Start wires the service and starts its consumers.
func Start(ctx context.Context, d Deps) (*Service, error) {
	if d.SlotCapacity <= 0 {
		d.SlotCapacity = 1
	}
	if d.Inbox == nil {
		d.Inbox = eventbus.NewMemoryInbox()
	}
	metrics := observability.NewMetrics(Name)
	if err := eventbus.EnsureStreams(ctx, d.JS); err != nil {
		return nil, err
	}
	holds := adapters.NewMemorySlotHolds(d.SlotCapacity)
	pub := eventbus.NewPublisher(d.JS, "/services/"+Name, d.Tracer, metrics)
	svc := app.NewService(adapters.NewMemoryRepository(), holds, pub, eventbus.NewID)

	sub := eventbus.NewSubscriber(d.JS, d.Tracer, metrics, d.Inbox, d.Log.With("service", Name))
	stop, err := sub.Subscribe(ctx, adapters.PaymentResults, adapters.PaymentResultHandler(svc))
	if err != nil {
		return nil, err
	}

	mux := http.NewServeMux()
	adapters.RegisterHTTP(mux, svc, metrics, d.Tracer)
	mux.Handle("GET /metrics", metrics.Handler())
	return &Service{Handler: mux, Metrics: metrics, Holds: holds, App: svc, stop: stop}, nil
}
