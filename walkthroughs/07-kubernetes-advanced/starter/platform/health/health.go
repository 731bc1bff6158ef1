// Package health serves the probes Kubernetes calls: /healthz (the process
// answers: liveness) and /readyz (it can do its work: readiness).
package health

import (
	"encoding/json"
	"net/http"
)

// Check returns nil when a dependency is usable.
type Check func() error

// Routes registers GET /healthz and GET /readyz. Readiness fails (503) while
// any check fails, e.g. until the broker connection is up; liveness does not
// depend on the broker, so a broker outage does not restart every pod.
func Routes(mux *http.ServeMux, checks map[string]Check) {
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, _ *http.Request) {
		write(w, http.StatusOK, map[string]string{"status": "ok"})
	})
	mux.HandleFunc("GET /readyz", func(w http.ResponseWriter, _ *http.Request) {
		// TODO(step hands-on-probes): run every check; while any fails, answer 503 with
		// {"status": "not ready", "failures": {name: error}} so Kubernetes sends
		// no traffic to a pod that cannot reach NATS yet.
		_ = checks
		write(w, http.StatusOK, map[string]string{"status": "ready"})
	})
}

func write(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}
