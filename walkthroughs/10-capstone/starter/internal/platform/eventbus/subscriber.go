package eventbus

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strconv"
	"strings"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/codes"
	"go.opentelemetry.io/otel/trace"

	"example.com/capstone/internal/platform/observability"
)

// Handler processes one event. Return nil to acknowledge it, an error to
// retry it later, or Permanent(err) when no retry can help.
type Handler func(ctx context.Context, env Envelope) error

type permanentError struct{ err error }

func (p permanentError) Error() string { return p.err.Error() }
func (p permanentError) Unwrap() error { return p.err }

// Permanent marks err as not worth retrying: the event is dead-lettered at once.
func Permanent(err error) error { return permanentError{err} }

// ConsumerConfig describes one durable consumer.
type ConsumerConfig struct {
	Name       string   // durable consumer name, also the idempotency scope
	Stream     string   // stream to read from
	Subjects   []string // event types to receive
	MaxDeliver int      // deliveries before dead-lettering; default 5
	// Backoff is the delay before the n-th retry; the last value repeats.
	Backoff        []time.Duration
	AckWait        time.Duration // default 30s
	HandlerTimeout time.Duration // default 10s
}

func (c *ConsumerConfig) defaults() {
	if c.MaxDeliver <= 0 {
		c.MaxDeliver = 5
	}
	if len(c.Backoff) == 0 {
		c.Backoff = []time.Duration{100 * time.Millisecond, 500 * time.Millisecond, 2 * time.Second, 5 * time.Second}
	}
	if c.AckWait <= 0 {
		c.AckWait = 30 * time.Second
	}
	if c.HandlerTimeout <= 0 {
		c.HandlerTimeout = 10 * time.Second
	}
}

// Subscriber runs durable JetStream consumers with tracing, metrics,
// idempotency, retries and a dead-letter subject.
type Subscriber struct {
	js      jetstream.JetStream
	tracer  trace.Tracer
	metrics *observability.Metrics
	inbox   Inbox
	log     *slog.Logger
}

// NewSubscriber returns a subscriber; inbox de-duplicates redelivered events.
// A nil inbox means the handler de-duplicates itself (an inbox table written
// in the transaction of its state change).
func NewSubscriber(js jetstream.JetStream, tp trace.TracerProvider, m *observability.Metrics, inbox Inbox, log *slog.Logger) *Subscriber {
	return &Subscriber{js: js, tracer: tp.Tracer("eventbus"), metrics: m, inbox: inbox, log: log}
}

// Subscribe starts consuming; call the returned stop function on shutdown.
// Each subject gets its own durable consumer (cfg.Name, or cfg.Name-<subject>
// when there are several): one filter subject per consumer works on every
// nats-server 2.x, while several filters on one consumer need 2.10.
// The idempotency scope stays cfg.Name.
func (s *Subscriber) Subscribe(ctx context.Context, cfg ConsumerConfig, h Handler) (stop func(), err error) {
	cfg.defaults()
	if len(cfg.Subjects) == 0 {
		return nil, fmt.Errorf("consumer %s: no subjects", cfg.Name)
	}
	// Zero-valued series from the start, so rate() and alerts see them before the first failure.
	for _, typ := range cfg.Subjects {
		s.metrics.EventsConsumed.WithLabelValues(typ)
		s.metrics.EventsDuplicates.WithLabelValues(typ)
		s.metrics.EventsFailed.WithLabelValues(typ, "retry")
		s.metrics.EventsFailed.WithLabelValues(typ, "dead_letter")
	}
	var running []jetstream.ConsumeContext
	stopAll := func() {
		for _, cc := range running {
			cc.Stop()
		}
	}
	for _, subject := range cfg.Subjects {
		durable := DurableName(cfg, subject)
		cons, err := s.js.CreateOrUpdateConsumer(ctx, cfg.Stream, jetstream.ConsumerConfig{
			Durable:       durable,
			FilterSubject: subject,
			AckPolicy:     jetstream.AckExplicitPolicy,
			DeliverPolicy: jetstream.DeliverAllPolicy,
			AckWait:       cfg.AckWait,
			// One more than ours, so our last attempt can still dead-letter it.
			MaxDeliver: cfg.MaxDeliver + 1,
		})
		if err != nil {
			stopAll()
			return nil, fmt.Errorf("consumer %s: %w", durable, err)
		}
		cc, err := cons.Consume(func(msg jetstream.Msg) { s.handle(msg, cfg, h) })
		if err != nil {
			stopAll()
			return nil, fmt.Errorf("consume %s: %w", durable, err)
		}
		running = append(running, cc)
	}
	return stopAll, nil
}

// DurableName is the JetStream consumer that receives subject for cfg.
func DurableName(cfg ConsumerConfig, subject string) string {
	if len(cfg.Subjects) == 1 {
		return cfg.Name
	}
	return cfg.Name + "-" + strings.ReplaceAll(subject, ".", "-")
}

func (s *Subscriber) handle(msg jetstream.Msg, cfg ConsumerConfig, h Handler) {
	deliveries := 1
	if md, err := msg.Metadata(); err == nil {
		deliveries = int(md.NumDelivered)
	}
	typ := msg.Subject()
	// Continue the producer's trace: the span below is a child of the publish span.
	ctx := propagator.Extract(context.Background(), headerCarrier(msg.Headers()))
	ctx, span := s.tracer.Start(ctx, "process "+typ, trace.WithSpanKind(trace.SpanKindConsumer),
		trace.WithAttributes(
			attribute.String("messaging.system", "nats"),
			attribute.String("messaging.destination.name", typ),
			attribute.String("messaging.consumer.group.name", cfg.Name),
			attribute.Int("messaging.delivery.count", deliveries),
		))
	defer span.End()

	env, err := ParseEnvelope(msg.Data())
	if err != nil {
		s.deadLetter(ctx, msg, cfg, typ, deliveries, err)
		return
	}
	span.SetAttributes(attribute.String("messaging.message.id", env.ID))

	if s.inbox != nil && s.inbox.Seen(cfg.Name, env.ID) {
		span.SetAttributes(attribute.Bool("messaging.duplicate", true))
		s.metrics.EventsDuplicates.WithLabelValues(typ).Inc()
		s.ack(msg, cfg)
		return
	}

	hctx, cancel := context.WithTimeout(ctx, cfg.HandlerTimeout)
	err = h(hctx, env)
	cancel()
	if err == nil {
		if s.inbox != nil {
			s.inbox.Mark(cfg.Name, env.ID)
		}
		s.metrics.EventsConsumed.WithLabelValues(typ).Inc()
		s.ack(msg, cfg)
		return
	}

	span.RecordError(err)
	span.SetStatus(codes.Error, err.Error())
	var perm permanentError
	if errors.As(err, &perm) || deliveries >= cfg.MaxDeliver {
		s.deadLetter(ctx, msg, cfg, typ, deliveries, err)
		return
	}
	delay := cfg.Backoff[min(deliveries-1, len(cfg.Backoff)-1)]
	s.metrics.EventsFailed.WithLabelValues(typ, "retry").Inc()
	s.log.Warn("event handling failed, will retry", "consumer", cfg.Name, "type", typ,
		"delivery", deliveries, "retry_in", delay, "error", err)
	if nerr := msg.NakWithDelay(delay); nerr != nil {
		s.log.Error("nak failed", "consumer", cfg.Name, "error", nerr)
	}
}

func (s *Subscriber) ack(msg jetstream.Msg, cfg ConsumerConfig) {
	if err := msg.Ack(); err != nil {
		// The inbox will absorb the redelivery this causes.
		s.log.Error("ack failed", "consumer", cfg.Name, "error", err)
	}
}

// deadLetter copies the message to deadletter.<subject> with the reason in
// headers, then terminates it so JetStream stops redelivering.
func (s *Subscriber) deadLetter(ctx context.Context, msg jetstream.Msg, cfg ConsumerConfig, typ string, deliveries int, cause error) {
	dl := nats.NewMsg(DeadLetterPrefix + typ)
	dl.Data = msg.Data()
	for k, v := range msg.Headers() {
		dl.Header[k] = v
	}
	seq := "0"
	if md, err := msg.Metadata(); err == nil {
		seq = strconv.FormatUint(md.Sequence.Stream, 10)
	}
	dl.Header.Set(jetstream.MsgIDHeader, "dl-"+cfg.Name+"-"+typ+"-"+seq)
	dl.Header.Set("Dead-Letter-Consumer", cfg.Name)
	dl.Header.Set("Dead-Letter-Reason", cause.Error())
	dl.Header.Set("Dead-Letter-Deliveries", strconv.Itoa(deliveries))

	pctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	if _, err := s.js.PublishMsg(pctx, dl); err != nil {
		s.metrics.EventsFailed.WithLabelValues(typ, "retry").Inc()
		s.log.Error("dead-letter publish failed, will retry", "consumer", cfg.Name, "error", err)
		_ = msg.NakWithDelay(time.Second)
		return
	}
	s.metrics.EventsFailed.WithLabelValues(typ, "dead_letter").Inc()
	s.log.Error("event dead-lettered", "consumer", cfg.Name, "type", typ, "deliveries", deliveries, "error", cause)
	if err := msg.TermWithReason(cause.Error()); err != nil {
		s.log.Error("term failed", "consumer", cfg.Name, "error", err)
	}
}
