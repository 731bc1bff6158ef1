package httpapi

import (
	"errors"
	"log"
	"net/http"

	"example.com/edgo/users/domain"
	"example.com/edgo/users/usecase"
)

// NewUserHandler is module 1's GET /users and GET /users/{id}, now talking to
// the usecase.UserService port.
func NewUserHandler(svc usecase.UserService) http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /users", func(w http.ResponseWriter, r *http.Request) {
		list, err := svc.List(r.Context())
		if err != nil {
			log.Printf("list users: %v", err)
			writeOrderError(w, http.StatusInternalServerError, "internal error")
			return
		}
		writeOrderJSON(w, http.StatusOK, list)
	})
	mux.HandleFunc("GET /users/{id}", func(w http.ResponseWriter, r *http.Request) {
		u, err := svc.Get(r.Context(), r.PathValue("id"))
		var nf *domain.NotFoundError
		switch {
		case errors.As(err, &nf):
			writeOrderError(w, http.StatusNotFound, nf.Error())
		case errors.Is(err, domain.ErrNotFound):
			writeOrderError(w, http.StatusNotFound, "user not found")
		case err != nil:
			log.Printf("get user: %v", err)
			writeOrderError(w, http.StatusInternalServerError, "internal error")
		default:
			writeOrderJSON(w, http.StatusOK, u)
		}
	})
	return mux
}
