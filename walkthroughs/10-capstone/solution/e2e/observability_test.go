package e2e

import (
	"fmt"
	"strings"
	"testing"

	"go.opentelemetry.io/otel/trace"
)

func TestMetricsAreExposedAfterAFlow(t *testing.T) {
	s := startSystem(t, options{slotCapacity: 1})
	_, b := s.book(t, "slot-3", "card_ok", 4200)
	s.waitStatus(t, b.ID, "confirmed")
	eventually(t, func() (bool, string) { return len(s.notification.Mail.Sent()) == 1, "waiting for the mail" })
	// Counters move before the ack: once every consumer has acked, they are final.
	s.settled(t)

	type want struct {
		name   string
		labels map[string]string
		min    float64
	}
	checks := map[string][]want{
		"booking": {
			{"http_requests_total", map[string]string{"service": "booking", "route": "POST /bookings", "code": "202"}, 1},
			{"http_request_duration_seconds_count", map[string]string{"route": "POST /bookings"}, 1},
			{"http_request_duration_seconds_bucket", map[string]string{"route": "POST /bookings", "le": "+Inf"}, 1},
			{"events_published_total", map[string]string{"type": "booking.requested"}, 1},
			{"events_published_total", map[string]string{"type": "booking.confirmed"}, 1},
			{"events_consumed_total", map[string]string{"type": "payment.authorized"}, 1},
			{"events_failed_total", map[string]string{"type": "payment.declined", "reason": "dead_letter"}, 0},
		},
		"payment": {
			{"events_consumed_total", map[string]string{"service": "payment", "type": "booking.requested"}, 1},
			{"events_published_total", map[string]string{"type": "payment.authorized"}, 1},
			{"events_failed_total", map[string]string{"type": "booking.requested", "reason": "retry"}, 0},
		},
		"notification": {
			{"events_consumed_total", map[string]string{"service": "notification", "type": "booking.confirmed"}, 1},
			{"events_duplicates_total", map[string]string{"type": "booking.confirmed"}, 0},
		},
	}
	bodies := map[string]string{
		"booking":      scrape(t, s.current().Handler),
		"payment":      scrape(t, s.payment.Handler),
		"notification": scrape(t, s.notification.Handler),
	}
	for svc, ws := range checks {
		for _, w := range ws {
			v, ok := sample(bodies[svc], w.name, w.labels)
			if !ok {
				t.Errorf("%s /metrics has no %s%v", svc, w.name, w.labels)
				continue
			}
			if v < w.min {
				t.Errorf("%s %s%v = %v, want >= %v", svc, w.name, w.labels, v, w.min)
			}
		}
	}
	if !strings.Contains(bodies["booking"], "# TYPE http_request_duration_seconds histogram") {
		t.Error("http_request_duration_seconds is not a histogram")
	}
}

func TestOneTraceSpansAllThreeServices(t *testing.T) {
	s := startSystem(t, options{slotCapacity: 1})
	_, b := s.book(t, "slot-4", "card_ok", 4200)
	s.waitStatus(t, b.ID, "confirmed")

	spanNamed := func(service, name string) (trace.TraceID, bool) {
		for _, sp := range s.spans[service].GetSpans() {
			if sp.Name == name {
				return sp.SpanContext.TraceID(), true
			}
		}
		return trace.TraceID{}, false
	}
	wanted := map[string]string{
		"booking":      "process payment.authorized",
		"payment":      "process booking.requested",
		"notification": "process booking.confirmed",
	}
	// A consumer span ends after its handler has acked, so wait until all have ended.
	eventually(t, func() (bool, string) {
		for service, name := range wanted {
			if _, ok := spanNamed(service, name); !ok {
				return false, fmt.Sprintf("waiting for %s to end span %q", service, name)
			}
		}
		return true, ""
	})
	root, ok := spanNamed("booking", "POST /bookings")
	if !ok {
		t.Fatal("booking recorded no POST /bookings span")
	}
	for service, name := range wanted {
		id, _ := spanNamed(service, name)
		if id != root {
			t.Errorf("%s span %q has trace %s, want the booking's trace %s", service, name, id, root)
		}
	}
}
