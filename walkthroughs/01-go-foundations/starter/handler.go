package users

import (
	"encoding/json"
	"log"
	"net/http"
)

// NewHandler returns the HTTP API of the service.
func NewHandler(svc UserService) http.Handler {
	mux := http.NewServeMux()

	// TODO(step "Hands-on: GET /users"): register the route with a Go 1.22+ pattern
	// that includes the method, so other methods get 405 for free:
	//
	//	mux.HandleFunc("GET /users", func(w http.ResponseWriter, r *http.Request) { ... })
	//
	// List the users with svc.List(r.Context()) and answer 200 with the JSON
	// array (writeJSON below). On error answer 500 without leaking the cause.

	// TODO(step "Hands-on: GET /users/{id}"): register "GET /users/{id}", read the id
	// with r.PathValue("id") and answer 200 with the user, 404 when
	// errors.Is(err, ErrNotFound), 500 otherwise.

	_ = svc // remove this line once the handlers use svc
	return mux
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	if err := json.NewEncoder(w).Encode(v); err != nil {
		log.Printf("write response: %v", err)
	}
}

func writeError(w http.ResponseWriter, status int, msg string) {
	writeJSON(w, status, map[string]string{"error": msg})
}
