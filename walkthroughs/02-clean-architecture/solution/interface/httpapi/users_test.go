package httpapi_test

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"example.com/edgo/users/domain"
	"example.com/edgo/users/infra/memory"
	"example.com/edgo/users/interface/httpapi"
)

var sample = []domain.User{
	{ID: "u1", Name: "Ada Lovelace"},
	{ID: "u2", Name: "Grace Hopper"},
}

// serve sends one request to the handler and returns the recorded response.
func serve(t *testing.T, h http.Handler, method, target string) *httptest.ResponseRecorder {
	t.Helper()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(method, target, nil))
	return rec
}

func TestGetUsers(t *testing.T) {
	h := httpapi.NewUserHandler(memory.NewUserStore(sample...))
	rec := serve(t, h, http.MethodGet, "/users")

	if rec.Code != http.StatusOK {
		t.Fatalf("GET /users: status = %d, want %d (is the route \"GET /users\" registered?)", rec.Code, http.StatusOK)
	}
	if ct := rec.Header().Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		t.Errorf("GET /users: Content-Type = %q, want application/json", ct)
	}
	var got []domain.User
	if err := json.Unmarshal(rec.Body.Bytes(), &got); err != nil {
		t.Fatalf("GET /users: body is not a JSON array of users: %v\nbody: %s", err, rec.Body)
	}
	if len(got) != len(sample) {
		t.Fatalf("GET /users: got %d users, want %d: %+v", len(got), len(sample), got)
	}
	for i := range sample {
		if got[i] != sample[i] {
			t.Errorf("GET /users: user %d = %+v, want %+v", i, got[i], sample[i])
		}
	}
}

func TestGetUsersEmptyIsArray(t *testing.T) {
	h := httpapi.NewUserHandler(memory.NewUserStore())
	rec := serve(t, h, http.MethodGet, "/users")

	if rec.Code != http.StatusOK {
		t.Fatalf("GET /users on an empty store: status = %d, want %d", rec.Code, http.StatusOK)
	}
	if body := strings.TrimSpace(rec.Body.String()); body != "[]" {
		t.Errorf("GET /users on an empty store: body = %q, want [] (a nil slice encodes as null)", body)
	}
}

func TestGetUsersRejectsPost(t *testing.T) {
	h := httpapi.NewUserHandler(memory.NewUserStore(sample...))
	rec := serve(t, h, http.MethodPost, "/users")

	if rec.Code != http.StatusMethodNotAllowed {
		t.Fatalf("POST /users: status = %d, want %d (put the method in the pattern: \"GET /users\")", rec.Code, http.StatusMethodNotAllowed)
	}
}

func TestGetUserByID(t *testing.T) {
	h := httpapi.NewUserHandler(memory.NewUserStore(sample...))
	rec := serve(t, h, http.MethodGet, "/users/u2")

	if rec.Code != http.StatusOK {
		t.Fatalf("GET /users/u2: status = %d, want %d (is \"GET /users/{id}\" registered?)", rec.Code, http.StatusOK)
	}
	var got domain.User
	if err := json.Unmarshal(rec.Body.Bytes(), &got); err != nil {
		t.Fatalf("GET /users/u2: body is not a JSON user: %v\nbody: %s", err, rec.Body)
	}
	if got != sample[1] {
		t.Errorf("GET /users/u2 = %+v, want %+v", got, sample[1])
	}
}

func TestGetUserByIDNotFound(t *testing.T) {
	h := httpapi.NewUserHandler(memory.NewUserStore(sample...))
	rec := serve(t, h, http.MethodGet, "/users/nobody")

	if rec.Code != http.StatusNotFound {
		t.Fatalf("GET /users/nobody: status = %d, want %d", rec.Code, http.StatusNotFound)
	}
}

// failingService fails every call with an internal error.
type failingService struct{}

func (failingService) List(context.Context) ([]domain.User, error) {
	return nil, errors.New("disk on fire")
}

func (failingService) Get(context.Context, string) (domain.User, error) {
	return domain.User{}, errors.New("disk on fire")
}

func TestGetUserByIDServiceError(t *testing.T) {
	h := httpapi.NewUserHandler(failingService{})
	rec := serve(t, h, http.MethodGet, "/users/u1")

	if rec.Code != http.StatusInternalServerError {
		t.Fatalf("GET /users/u1 with a failing service: status = %d, want %d", rec.Code, http.StatusInternalServerError)
	}
	if strings.Contains(rec.Body.String(), "disk on fire") {
		t.Errorf("GET /users/u1 leaks the internal error to the client: %s", rec.Body)
	}
}
