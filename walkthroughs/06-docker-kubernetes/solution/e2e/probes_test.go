package e2e

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"testing"

	"example.com/shop/platform/health"
	"example.com/shop/platform/natstest"
)

func probe(t *testing.T, url string) int {
	t.Helper()
	res, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	return res.StatusCode
}

// The probes the Kubernetes manifests point at: alive at once, ready only
// once the broker connection and the streams are up.
func TestProbesFollowTheBrokerConnection(t *testing.T) {
	port := natstest.FreePort(t)
	bus := connect(t, fmt.Sprintf("nats://127.0.0.1:%d", port), "probe")
	mux := http.NewServeMux()
	health.Routes(mux, map[string]health.Check{"broker": bus.Ready})
	srv := httptest.NewServer(mux)
	defer srv.Close()

	if got := probe(t, srv.URL+"/healthz"); got != http.StatusOK {
		t.Fatalf("/healthz = %d before NATS is up; want 200 (liveness must not depend on the broker)", got)
	}
	if got := probe(t, srv.URL+"/readyz"); got != http.StatusServiceUnavailable {
		t.Fatalf("/readyz = %d before NATS is up; want 503", got)
	}
	natstest.StartOnPort(t, port)
	waitFor(t, "/readyz 200 once NATS is up", func() bool { return probe(t, srv.URL+"/readyz") == http.StatusOK })
}
