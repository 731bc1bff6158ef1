package eventbus

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"sync/atomic"
	"testing"
	"time"

	"github.com/nats-io/nats-server/v2/server"
	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
	"github.com/prometheus/client_golang/prometheus/testutil"
	"go.opentelemetry.io/otel/trace/noop"

	"example.com/capstone/internal/platform/observability"
)

func jetStream(t *testing.T) jetstream.JetStream {
	t.Helper()
	ns, err := server.NewServer(&server.Options{Host: "127.0.0.1", Port: server.RANDOM_PORT, JetStream: true, StoreDir: t.TempDir(), NoLog: true, NoSigs: true})
	if err != nil {
		t.Fatal(err)
	}
	go ns.Start()
	if !ns.ReadyForConnections(10 * time.Second) {
		t.Fatal("embedded NATS not ready")
	}
	nc, err := nats.Connect(ns.ClientURL())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { nc.Close(); ns.Shutdown(); ns.WaitForShutdown() })
	js, err := jetstream.New(nc)
	if err != nil {
		t.Fatal(err)
	}
	if err := EnsureStreams(context.Background(), js); err != nil {
		t.Fatal(err)
	}
	return js
}

func TestTransientFailureIsRetriedThenSucceeds(t *testing.T) {
	js := jetStream(t)
	m := observability.NewMetrics("test")
	tp := noop.NewTracerProvider()
	sub := NewSubscriber(js, tp, m, NewMemoryInbox(), slog.New(slog.NewTextHandler(io.Discard, nil)))
	var calls atomic.Int32
	done := make(chan struct{})
	stop, err := sub.Subscribe(context.Background(), ConsumerConfig{
		Name: "retry-test", Stream: "BOOKING", Subjects: []string{"booking.requested"},
		Backoff: []time.Duration{time.Millisecond},
	}, func(context.Context, Envelope) error {
		if calls.Add(1) < 3 {
			return errors.New("database briefly down")
		}
		close(done)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	defer stop()
	if err := NewPublisher(js, "/services/test", tp, m).Publish(context.Background(), "booking.requested", "b1", "", map[string]string{"bookingId": "b1"}); err != nil {
		t.Fatal(err)
	}
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatalf("handler succeeded never; %d calls", calls.Load())
	}
	if got := testutil.ToFloat64(m.EventsFailed.WithLabelValues("booking.requested", "retry")); got != 2 {
		t.Errorf("events_failed_total{reason=retry} = %v, want 2", got)
	}
}

func TestParseEnvelopeRejectsMissingAttributes(t *testing.T) {
	for _, raw := range []string{`{}`, `{"specversion":"1.0","id":"x","source":"/s"}`, `not json`} {
		if _, err := ParseEnvelope([]byte(raw)); err == nil {
			t.Errorf("ParseEnvelope(%s) accepted an invalid event", raw)
		}
	}
	env, err := NewEnvelope("/services/booking", Event{Type: "booking.requested", Data: map[string]int{"n": 1}}, time.Unix(0, 0))
	if err != nil || env.ID == "" || env.SpecVersion != "1.0" {
		t.Fatalf("NewEnvelope: %+v %v", env, err)
	}
}
