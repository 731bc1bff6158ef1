// Package host is the process shell shared by the three cmd/ programs:
// configuration from the environment, the NATS connection, tracing, the
// HTTP server with health probes, and graceful shutdown.
package host

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"os"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"

	"example.com/capstone/internal/platform/httpx"
	"example.com/capstone/internal/platform/observability"
)

// Version is set at build time: -ldflags "-X example.com/capstone/internal/platform/host.Version=1.2.3".
var Version = "dev"

// Host holds a service process's connections.
type Host struct {
	Name string
	NC   *nats.Conn
	JS   jetstream.JetStream
	TP   *sdktrace.TracerProvider
	Log  *slog.Logger
	// readiness checks beyond the NATS connection, e.g. a database ping.
	ready []func() error
}

// ReadyWhen adds a check to /readyz: the pod gets no traffic while it fails.
func (h *Host) ReadyWhen(check func() error) { h.ready = append(h.ready, check) }

// Env returns the variable or a default.
func Env(key, def string) string {
	if v := os.Getenv(key); v != "" {
		return v
	}
	return def
}

// Connect reads NATS_URL (and NATS_USER/NATS_PASSWORD from the Secret) and
// the OTEL_* variables.
func Connect(ctx context.Context, name string) (*Host, error) {
	log := slog.New(slog.NewJSONHandler(os.Stdout, nil)).With("service", name)
	opts := []nats.Option{
		nats.Name(name),
		nats.MaxReconnects(-1),
		nats.ReconnectWait(time.Second),
	}
	if user := os.Getenv("NATS_USER"); user != "" {
		opts = append(opts, nats.UserInfo(user, os.Getenv("NATS_PASSWORD")))
	}
	nc, err := nats.Connect(Env("NATS_URL", nats.DefaultURL), opts...)
	if err != nil {
		return nil, fmt.Errorf("connect to NATS: %w", err)
	}
	js, err := jetstream.New(nc)
	if err != nil {
		nc.Close()
		return nil, err
	}
	exp, err := observability.OTLPExporterFromEnv(ctx)
	if err != nil {
		nc.Close()
		return nil, fmt.Errorf("OTLP exporter: %w", err)
	}
	tp := observability.NewTracerProvider(name, Version, exp)
	return &Host{Name: name, NC: nc, JS: js, TP: tp, Log: log}, nil
}

// Serve runs handler on HTTP_ADDR (default :8080) with /healthz and /readyz
// until ctx is cancelled, then drains.
func (h *Host) Serve(ctx context.Context, handler http.Handler) error {
	mux := http.NewServeMux()
	httpx.Health(mux, func() error {
		if !h.NC.IsConnected() {
			return errors.New("NATS disconnected")
		}
		for _, check := range h.ready {
			if err := check(); err != nil {
				return err
			}
		}
		return nil
	})
	mux.Handle("/", handler)
	srv := &http.Server{Addr: Env("HTTP_ADDR", ":8080"), Handler: mux, ReadHeaderTimeout: 5 * time.Second}
	errc := make(chan error, 1)
	go func() { errc <- srv.ListenAndServe() }()
	h.Log.Info("listening", "addr", srv.Addr, "version", Version)
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	shutdown, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	return srv.Shutdown(shutdown)
}

// Close flushes spans and drains the NATS connection.
func (h *Host) Close() {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	_ = h.TP.Shutdown(ctx)
	_ = h.NC.Drain()
}
