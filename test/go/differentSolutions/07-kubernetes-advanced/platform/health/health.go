// Package health serves the probes Kubernetes calls: /healthz (the process
// answers: liveness) and /readyz (it can do its work: readiness).
package health

import (
	"encoding/json"
	"net/http"
	"sync"
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
		failures := runAll(checks)
		if len(failures) > 0 {
			write(w, http.StatusServiceUnavailable, map[string]any{"status": "not ready", "failures": failures})
			return
		}
		write(w, http.StatusOK, map[string]string{"status": "ready"})
	})
}

// runAll runs the checks side by side (one slow dependency must not add its
// time to the others') and returns each failing check's error text by name.
func runAll(checks map[string]Check) map[string]string {
	var (
		mu       sync.Mutex
		wg       sync.WaitGroup
		failures = map[string]string{}
	)
	for name, check := range checks {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := check(); err != nil {
				mu.Lock()
				failures[name] = err.Error()
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	return failures
}

func write(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}
