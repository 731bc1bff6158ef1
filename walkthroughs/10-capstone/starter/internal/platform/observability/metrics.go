// Package observability sets up Prometheus metrics and OpenTelemetry tracing
// the same way for every service.
package observability

import (
	"net/http"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promauto"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// Metrics are the RED metrics of a service: HTTP requests and events.
// Names are shared by all services; the "service" label tells them apart.
type Metrics struct {
	Registry         *prometheus.Registry
	HTTPRequests     *prometheus.CounterVec   // http_requests_total{route,method,code}
	HTTPDuration     *prometheus.HistogramVec // http_request_duration_seconds{route,method}
	EventsPublished  *prometheus.CounterVec   // events_published_total{type}
	EventsConsumed   *prometheus.CounterVec   // events_consumed_total{type}
	EventsDuplicates *prometheus.CounterVec   // events_duplicates_total{type}
	EventsFailed     *prometheus.CounterVec   // events_failed_total{type,reason}
}

// NewMetrics registers the metrics on a registry of their own, so several
// services can live in one test process.
func NewMetrics(service string) *Metrics {
	reg := prometheus.NewRegistry()
	reg.MustRegister(collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	f := promauto.With(prometheus.WrapRegistererWith(prometheus.Labels{"service": service}, reg))
	return &Metrics{
		Registry: reg,
		HTTPRequests: f.NewCounterVec(prometheus.CounterOpts{
			Name: "http_requests_total", Help: "HTTP requests handled, by route, method and status code.",
		}, []string{"route", "method", "code"}),
		HTTPDuration: f.NewHistogramVec(prometheus.HistogramOpts{
			Name: "http_request_duration_seconds", Help: "HTTP request latency.",
			// Fine buckets around the 300 ms p95 objective.
			Buckets: []float64{0.005, 0.01, 0.025, 0.05, 0.1, 0.2, 0.3, 0.5, 1, 2.5, 5},
		}, []string{"route", "method"}),
		EventsPublished: f.NewCounterVec(prometheus.CounterOpts{
			Name: "events_published_total", Help: "Events published and acknowledged by JetStream.",
		}, []string{"type"}),
		EventsConsumed: f.NewCounterVec(prometheus.CounterOpts{
			Name: "events_consumed_total", Help: "Events processed successfully.",
		}, []string{"type"}),
		EventsDuplicates: f.NewCounterVec(prometheus.CounterOpts{
			Name: "events_duplicates_total", Help: "Redelivered events skipped by the idempotent consumer.",
		}, []string{"type"}),
		EventsFailed: f.NewCounterVec(prometheus.CounterOpts{
			Name: "events_failed_total", Help: "Event failures: publish, retry or dead_letter.",
		}, []string{"type", "reason"}),
	}
}

// Handler serves /metrics.
func (m *Metrics) Handler() http.Handler {
	return promhttp.HandlerFor(m.Registry, promhttp.HandlerOpts{Registry: m.Registry})
}
