package users

import (
	"encoding/json"
	"errors"
	"log"
	"net/http"
)

// NewHandler returns the HTTP API of the service. It uses Go 1.22+ routing
// patterns: the method is part of the pattern, so POST /users gets
// 405 Method Not Allowed without any code of ours, and {id} is read with
// r.PathValue.
func NewHandler(svc UserService) http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /users", func(w http.ResponseWriter, r *http.Request) {
		list, err := svc.List(r.Context())
		if err != nil {
			log.Printf("list users: %v", err)
			writeError(w, http.StatusInternalServerError, "internal error")
			return
		}
		writeJSON(w, http.StatusOK, list)
	})
	mux.HandleFunc("GET /users/{id}", func(w http.ResponseWriter, r *http.Request) {
		u, err := svc.Get(r.Context(), r.PathValue("id"))
		var nf *NotFoundError
		switch {
		case errors.As(err, &nf):
			writeError(w, http.StatusNotFound, nf.Error())
		case errors.Is(err, ErrNotFound):
			writeError(w, http.StatusNotFound, "user not found")
		case err != nil:
			// Log the cause for operators; do not leak it to clients.
			log.Printf("get user: %v", err)
			writeError(w, http.StatusInternalServerError, "internal error")
		default:
			writeJSON(w, http.StatusOK, u)
		}
	})
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
