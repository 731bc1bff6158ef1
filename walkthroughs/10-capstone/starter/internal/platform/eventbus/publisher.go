package eventbus

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/codes"
	"go.opentelemetry.io/otel/propagation"
	"go.opentelemetry.io/otel/trace"

	"example.com/capstone/internal/platform/observability"
)

// Publisher writes events to JetStream and waits for the stream's ack.
type Publisher struct {
	js      jetstream.JetStream
	source  string
	tracer  trace.Tracer
	metrics *observability.Metrics
	now     func() time.Time
}

// NewPublisher returns a publisher for the service named source.
func NewPublisher(js jetstream.JetStream, source string, tp trace.TracerProvider, m *observability.Metrics) *Publisher {
	return &Publisher{js: js, source: source, tracer: tp.Tracer("eventbus"), metrics: m, now: time.Now}
}

// Publish sends data as an event of eventType (also the NATS subject) about
// subject; id may be empty for a random one. The trace context goes in the headers.
func (p *Publisher) Publish(ctx context.Context, eventType, subject, id string, data any) error {
	env, err := NewEnvelope(p.source, Event{Type: eventType, Subject: subject, ID: id, Data: data}, p.now())
	if err != nil {
		return err
	}
	return p.PublishEnvelope(ctx, env)
}

// PublishEnvelope sends an envelope made earlier (the outbox relay's case)
// with Nats-Msg-Id = the event id, so JetStream drops a second publish of
// the same event within the stream's duplicate window.
func (p *Publisher) PublishEnvelope(ctx context.Context, env Envelope) error {
	ctx, span := p.tracer.Start(ctx, "publish "+env.Type, trace.WithSpanKind(trace.SpanKindProducer),
		trace.WithAttributes(
			attribute.String("messaging.system", "nats"),
			attribute.String("messaging.destination.name", env.Type),
			attribute.String("messaging.message.id", env.ID),
		))
	defer span.End()

	body, err := json.Marshal(env)
	if err != nil {
		return fmt.Errorf("encode envelope: %w", err)
	}
	msg := nats.NewMsg(env.Type)
	msg.Data = body
	msg.Header.Set(jetstream.MsgIDHeader, env.ID)
	msg.Header.Set("ce-type", env.Type)
	propagator.Inject(ctx, headerCarrier(msg.Header))

	if _, err := p.js.PublishMsg(ctx, msg); err != nil {
		span.RecordError(err)
		span.SetStatus(codes.Error, "publish failed")
		p.metrics.EventsFailed.WithLabelValues(env.Type, "publish").Inc()
		return fmt.Errorf("publish %s: %w", env.Type, err)
	}
	p.metrics.EventsPublished.WithLabelValues(env.Type).Inc()
	return nil
}

// Source is the service this publisher speaks for (the envelopes' source).
func (p *Publisher) Source() string { return p.source }

// NewEnvelope stamps an envelope with this publisher's source and clock.
func (p *Publisher) NewEnvelope(e Event) (Envelope, error) {
	return NewEnvelope(p.source, e, p.now())
}

// TraceHeaders returns ctx's trace context as W3C headers, to keep with an
// event that is published later (an outbox row).
func TraceHeaders(ctx context.Context) map[string]string {
	h := propagation.MapCarrier{}
	propagator.Inject(ctx, h)
	return h
}

// WithTraceHeaders returns ctx continuing the trace saved by TraceHeaders.
func WithTraceHeaders(ctx context.Context, headers map[string]string) context.Context {
	return propagator.Extract(ctx, propagation.MapCarrier(headers))
}
