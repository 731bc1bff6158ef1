package users

import (
	"encoding/json"
	"errors"
	"log"
	"net/http"
)

// NewHandler returns the HTTP API of the service.
func NewHandler(svc UserService) http.Handler {
	mux := http.NewServeMux()

	mux.HandleFunc("GET /users", listUsers(svc))
	mux.HandleFunc("GET /users/{id}", getUser(svc))
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

func listUsers(svc UserService) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		all, err := svc.List(r.Context())
		if err != nil {
			log.Printf("list users: %v", err)
			writeError(w, http.StatusInternalServerError, "internal error")
			return
		}
		writeJSON(w, http.StatusOK, all)
	}
}

func getUser(svc UserService) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		u, err := svc.Get(r.Context(), r.PathValue("id"))
		switch {
		case errors.Is(err, ErrNotFound):
			writeError(w, http.StatusNotFound, "no such user")
		case err != nil:
			log.Printf("get user: %v", err)
			writeError(w, http.StatusInternalServerError, "internal error")
		default:
			writeJSON(w, http.StatusOK, u)
		}
	}
}
