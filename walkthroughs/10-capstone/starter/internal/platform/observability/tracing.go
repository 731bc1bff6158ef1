package observability

import (
	"context"
	"os"

	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/exporters/otlp/otlptrace/otlptracehttp"
	"go.opentelemetry.io/otel/sdk/resource"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

// NewTracerProvider returns a provider that names the service in every span.
// With a nil exporter spans are created (trace ids still propagate) but not exported.
func NewTracerProvider(service, version string, exporter sdktrace.SpanExporter) *sdktrace.TracerProvider {
	res := resource.NewSchemaless(
		attribute.String("service.name", service),
		attribute.String("service.version", version),
	)
	opts := []sdktrace.TracerProviderOption{sdktrace.WithResource(res)}
	if exporter != nil {
		opts = append(opts, sdktrace.WithBatcher(exporter))
	}
	return sdktrace.NewTracerProvider(opts...)
}

// OTLPExporterFromEnv returns an OTLP/HTTP exporter configured by the
// standard OTEL_EXPORTER_OTLP_* variables (Jaeger takes OTLP on :4318),
// or nil when no endpoint is set.
func OTLPExporterFromEnv(ctx context.Context) (sdktrace.SpanExporter, error) {
	if os.Getenv("OTEL_EXPORTER_OTLP_ENDPOINT") == "" && os.Getenv("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT") == "" {
		return nil, nil
	}
	return otlptracehttp.New(ctx)
}
