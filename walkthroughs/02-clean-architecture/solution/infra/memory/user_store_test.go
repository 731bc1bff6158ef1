package memory_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"example.com/edgo/users/domain"
	"example.com/edgo/users/infra/memory"
	"example.com/edgo/users/usecase"
)

// The in-memory store must satisfy the interface the handlers use.
var _ usecase.UserService = (*memory.UserStore)(nil)

func TestUserStoreList(t *testing.T) {
	svc := memory.NewUserStore(sample...)
	got, err := svc.List(context.Background())
	if err != nil {
		t.Fatalf("List: unexpected error: %v", err)
	}
	if len(got) != len(sample) {
		t.Fatalf("List: got %d users, want %d", len(got), len(sample))
	}
	for i := range sample {
		if got[i] != sample[i] {
			t.Errorf("List: user %d = %+v, want %+v (keep insertion order)", i, got[i], sample[i])
		}
	}

	got[0].Name = "changed by the caller"
	again, _ := svc.List(context.Background())
	if again[0].Name != sample[0].Name {
		t.Errorf("List: editing the returned slice changed the store; return a copy")
	}
	empty, err := memory.NewUserStore().List(context.Background())
	if err != nil || empty == nil {
		t.Errorf("List on an empty store = %#v, %v; want an empty, non-nil slice (nil encodes as null in JSON, not [])", empty, err)
	}
}

func TestUserStoreGet(t *testing.T) {
	svc := memory.NewUserStore(sample...)
	got, err := svc.Get(context.Background(), "u1")
	if err != nil {
		t.Fatalf("Get(u1): unexpected error: %v", err)
	}
	if got != sample[0] {
		t.Errorf("Get(u1) = %+v, want %+v", got, sample[0])
	}
}

func TestUserStoreGetNotFound(t *testing.T) {
	svc := memory.NewUserStore(sample...)
	_, err := svc.Get(context.Background(), "nobody")
	if err == nil {
		t.Fatal("Get(nobody): want an error, got nil")
	}
	if !errors.Is(err, domain.ErrNotFound) {
		t.Errorf("Get(nobody): errors.Is(err, ErrNotFound) = false for %v", err)
	}
	var nf *domain.NotFoundError
	if !errors.As(err, &nf) {
		t.Fatalf("Get(nobody): errors.As(err, *NotFoundError) = false for %v (%T)", err, err)
	}
	if nf.ID != "nobody" {
		t.Errorf("Get(nobody): NotFoundError.ID = %q, want %q", nf.ID, "nobody")
	}
}

func TestDisplayName(t *testing.T) {
	svc := memory.NewUserStore(sample...)
	got, err := usecase.DisplayName(context.Background(), svc, "u2")
	if err != nil {
		t.Fatalf("DisplayName(u2): unexpected error: %v", err)
	}
	if want := "Grace Hopper (u2)"; got != want {
		t.Errorf("DisplayName(u2) = %q, want %q", got, want)
	}
}

func TestDisplayNameWrapsNotFound(t *testing.T) {
	svc := memory.NewUserStore(sample...)
	_, err := usecase.DisplayName(context.Background(), svc, "nobody")
	if err == nil {
		t.Fatal("DisplayName(nobody): want an error, got nil")
	}
	if !errors.Is(err, domain.ErrNotFound) {
		t.Errorf("DisplayName(nobody): errors.Is(err, ErrNotFound) = false; wrap with %%w, not %%v: %v", err)
	}
	var nf *domain.NotFoundError
	if !errors.As(err, &nf) || nf.ID != "nobody" {
		t.Errorf("DisplayName(nobody): errors.As did not find *NotFoundError{ID: \"nobody\"} in %v", err)
	}
	if errors.Unwrap(err) == nil {
		t.Errorf("DisplayName(nobody): the error wraps nothing; add context with fmt.Errorf(\"...: %%w\", err)")
	}
	if !strings.Contains(err.Error(), "nobody") {
		t.Errorf("DisplayName(nobody): message %q does not say which user", err)
	}
}

var sample = []domain.User{
	{ID: "u1", Name: "Ada Lovelace"},
	{ID: "u2", Name: "Grace Hopper"},
}
