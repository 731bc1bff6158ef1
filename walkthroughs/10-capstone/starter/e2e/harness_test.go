// Package e2e runs the three services in one process against an embedded
// NATS JetStream server and PostgreSQL ($DATABASE_URL, a schema per test),
// each with its own metrics registry and in-memory span exporter, and drives
// bookings through the HTTP API.
package e2e

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/nats-io/nats-server/v2/server"
	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/sdk/resource"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.opentelemetry.io/otel/sdk/trace/tracetest"

	"example.com/capstone/internal/booking"
	bookingadapters "example.com/capstone/internal/booking/adapters"
	"example.com/capstone/internal/notification"
	notificationadapters "example.com/capstone/internal/notification/adapters"
	"example.com/capstone/internal/payment"
	paymentadapters "example.com/capstone/internal/payment/adapters"
	"example.com/capstone/internal/platform/eventbus"
)

type system struct {
	t            *testing.T
	js           jetstream.JetStream
	db           *pgxpool.Pool
	nc           *nats.Conn
	booking      *booking.Service
	payment      *payment.Service
	notification *notification.Service
	api          *httptest.Server
	mail         *notificationadapters.MailSink         // shared by every notification instance, across restarts
	spans        map[string]*tracetest.InMemoryExporter // by service name
	tracers      map[string]*sdktrace.TracerProvider
	log          *slog.Logger
	mu           sync.Mutex // guards booking, replaced by startBooking
}

type options struct {
	slotCapacity int
	limitCents   int64
	// bookingJS wraps the booking service's JetStream, to inject faults into
	// what it publishes; nil for none.
	bookingJS func(jetstream.JetStream) jetstream.JetStream
	noPayment bool // no payment service: the test plays its part
}

func startSystem(t *testing.T, o options) *system {
	t.Helper()
	ns, err := server.NewServer(&server.Options{
		Host: "127.0.0.1", Port: server.RANDOM_PORT, JetStream: true,
		StoreDir: t.TempDir(), NoLog: true, NoSigs: true,
	})
	if err != nil {
		t.Fatalf("embedded NATS: %v", err)
	}
	go ns.Start()
	if !ns.ReadyForConnections(10 * time.Second) {
		t.Fatal("embedded NATS did not become ready")
	}
	nc, err := nats.Connect(ns.ClientURL())
	if err != nil {
		t.Fatal(err)
	}
	js, err := jetstream.New(nc)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		nc.Close()
		ns.Shutdown()
		ns.WaitForShutdown()
	})

	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	s := &system{t: t, js: js, nc: nc, db: testDatabase(t), spans: map[string]*tracetest.InMemoryExporter{}, log: log, tracers: map[string]*sdktrace.TracerProvider{}}
	tracer := func(name string) *sdktrace.TracerProvider {
		exp := tracetest.NewInMemoryExporter()
		s.spans[name] = exp
		tp := sdktrace.NewTracerProvider(sdktrace.WithSyncer(exp),
			sdktrace.WithResource(resource.NewSchemaless(attribute.String("service.name", name))))
		t.Cleanup(func() { _ = tp.Shutdown(context.Background()) })
		s.tracers[name] = tp
		return tp
	}
	ctx := context.Background()
	tracer(booking.Name)
	s.startBooking(o)
	if !o.noPayment {
		if s.payment, err = payment.Start(ctx, payment.Deps{JS: js, DB: s.db, Tracer: tracer(payment.Name), Log: log, LimitCents: o.limitCents, RelayInterval: 20 * time.Millisecond}); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(s.payment.Stop)
	}
	tracer(notification.Name)
	s.mail = notificationadapters.NewMailSink(log)
	s.notification = s.startNotification()
	s.api = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.current().Handler.ServeHTTP(w, r)
	}))
	t.Cleanup(s.api.Close)
	return s
}

// startBooking starts a booking service (again, after a crash) on the test's
// database and JetStream; the API then talks to it.
func (s *system) startBooking(o options) *booking.Service {
	s.t.Helper()
	svc := s.startReplica(o)
	s.mu.Lock()
	s.booking = svc
	s.mu.Unlock()
	return svc
}

// startReplica starts one more booking service on the same database and
// JetStream, as a second pod would; the API keeps talking to the first.
func (s *system) startReplica(o options) *booking.Service {
	s.t.Helper()
	js := s.js
	if o.bookingJS != nil {
		js = o.bookingJS(js)
	}
	svc, err := booking.Start(context.Background(), booking.Deps{
		JS: js, DB: s.db, Tracer: s.tracers[booking.Name], Log: s.log,
		SlotCapacity: o.slotCapacity, RelayInterval: 20 * time.Millisecond,
	})
	if err != nil {
		s.t.Fatal(err)
	}
	s.t.Cleanup(svc.Stop)
	return svc
}

// startNotification starts one more notification service (again, after a
// restart, or as a second replica) on the test's database and JetStream,
// sending into the test's one mail sink.
func (s *system) startNotification() *notification.Service {
	s.t.Helper()
	svc, err := notification.Start(context.Background(), notification.Deps{
		JS: s.js, DB: s.db, Tracer: s.tracers[notification.Name], Log: s.log,
		Mail: s.mail, RelayInterval: 20 * time.Millisecond,
	})
	if err != nil {
		s.t.Fatal(err)
	}
	s.t.Cleanup(svc.Stop)
	return svc
}

func (s *system) current() *booking.Service {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.booking
}

type bookingView struct {
	ID           string `json:"id"`
	SlotID       string `json:"slotId"`
	Status       string `json:"status"`
	PaymentID    string `json:"paymentId"`
	CancelReason string `json:"cancelReason"`
}

// book posts a booking and returns the HTTP status and the decoded body.
func (s *system) book(t *testing.T, slot, method string, amountCents int64) (int, bookingView) {
	t.Helper()
	body, _ := json.Marshal(map[string]any{
		"slotId": slot, "customerEmail": "ada@example.com", "amountCents": amountCents,
		"currency": "EUR", "paymentMethod": method,
	})
	resp, err := http.Post(s.api.URL+"/bookings", "application/json", bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var v bookingView
	_ = json.NewDecoder(resp.Body).Decode(&v)
	return resp.StatusCode, v
}

func (s *system) get(t *testing.T, id string) bookingView {
	t.Helper()
	resp, err := http.Get(s.api.URL + "/bookings/" + id)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var v bookingView
	_ = json.NewDecoder(resp.Body).Decode(&v)
	return v
}

// waitStatus polls the API until the booking reaches want.
func (s *system) waitStatus(t *testing.T, id, want string) bookingView {
	t.Helper()
	var last bookingView
	eventually(t, func() (bool, string) {
		last = s.get(t, id)
		return last.Status == want, fmt.Sprintf("booking %s is %q, want %q", id, last.Status, want)
	})
	return last
}

// settled waits until every consumer has acknowledged everything in its stream
// and nothing waits in the outbox or the mail queue.
func (s *system) settled(t *testing.T) {
	t.Helper()
	consumers := map[string]eventbus.ConsumerConfig{}
	running := []eventbus.ConsumerConfig{bookingadapters.PaymentResults, notificationadapters.BookingOutcomes}
	if s.payment != nil {
		running = append(running, paymentadapters.BookingRequests)
	}
	for _, cfg := range running {
		for _, subject := range cfg.Subjects {
			consumers[eventbus.DurableName(cfg, subject)] = cfg
		}
	}
	eventually(t, func() (bool, string) {
		for name, cfg := range consumers {
			cons, err := s.js.Consumer(context.Background(), cfg.Stream, name)
			if err != nil {
				return false, err.Error()
			}
			ci, err := cons.Info(context.Background())
			if err != nil {
				return false, err.Error()
			}
			if ci.NumPending > 0 || ci.NumAckPending > 0 || ci.NumRedelivered > 0 {
				return false, fmt.Sprintf("consumer %s: %d pending, %d unacked", name, ci.NumPending, ci.NumAckPending)
			}
		}
		// An acked event may still have work queued behind it: an outbox row the
		// relay has not published or a mail the mail relay has not sent.
		if n := count(t, s.db, `SELECT count(*) FROM outbox WHERE sent_at IS NULL`); n > 0 {
			return false, fmt.Sprintf("%d outbox rows not yet published", n)
		}
		if n := count(t, s.db, `SELECT count(*) FROM notifications WHERE sent_at IS NULL`); n > 0 {
			return false, fmt.Sprintf("%d mails queued, not yet sent", n)
		}
		return true, ""
	})
}

// eventually retries cond until it holds or 20 s pass (a deadline, not a sleep).
func eventually(t *testing.T, cond func() (bool, string)) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for {
		ok, why := cond()
		if ok {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("timed out: %s", why)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// scrape GETs /metrics from a service handler.
func scrape(t *testing.T, h http.Handler) string {
	t.Helper()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/metrics", nil))
	if rec.Code != http.StatusOK {
		t.Fatalf("/metrics: %d", rec.Code)
	}
	return rec.Body.String()
}

// sample finds name{...} with all the given labels in an exposition and returns its value.
func sample(body, name string, labels map[string]string) (float64, bool) {
	for _, line := range strings.Split(body, "\n") {
		if !strings.HasPrefix(line, name+"{") {
			continue
		}
		match := true
		for k, v := range labels {
			if !strings.Contains(line, k+`="`+v+`"`) {
				match = false
				break
			}
		}
		if !match {
			continue
		}
		fields := strings.Fields(line)
		f, err := strconv.ParseFloat(fields[len(fields)-1], 64)
		return f, err == nil
	}
	return 0, false
}
