// Package notification is the composition root of the notification service.
package notification

import (
	"context"
	"log/slog"
	"net/http"

	"github.com/nats-io/nats.go/jetstream"
	"go.opentelemetry.io/otel/trace"

	"example.com/capstone/internal/notification/adapters"
	"example.com/capstone/internal/notification/app"
	"example.com/capstone/internal/platform/eventbus"
	"example.com/capstone/internal/platform/observability"
)

// Name is the service name in metrics, traces and the CloudEvents source.
const Name = "notification"

// Deps are what the service needs from its host.
type Deps struct {
	JS     jetstream.JetStream
	Tracer trace.TracerProvider
	Log    *slog.Logger
	Inbox  eventbus.Inbox
}

// Service is a running notification service.
type Service struct {
	Handler http.Handler // /metrics
	Metrics *observability.Metrics
	Mail    *adapters.MailSink
	stop    func()
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
	mail := adapters.NewMailSink(d.Log.With("service", Name))
	svc := app.NewService(mail)
	sub := eventbus.NewSubscriber(d.JS, d.Tracer, metrics, d.Inbox, d.Log.With("service", Name))
	stop, err := sub.Subscribe(ctx, adapters.BookingOutcomes, adapters.BookingOutcomeHandler(svc))
	if err != nil {
		return nil, err
	}
	mux := http.NewServeMux()
	mux.Handle("GET /metrics", metrics.Handler())
	return &Service{Handler: mux, Metrics: metrics, Mail: mail, stop: stop}, nil
}
