package users

import (
	"context"
	"errors"
	"slices"
	"sync"
)

// MemoryService is a UserService backed by an in-memory slice. It is safe for
// concurrent use: net/http serves each request on its own goroutine.
type MemoryService struct {
	mu    sync.RWMutex
	users []User
}

// NewMemoryService returns a service holding a copy of the given users.
func NewMemoryService(users ...User) *MemoryService {
	return &MemoryService{users: slices.Clone(users)}
}

// List returns every user in insertion order.
func (s *MemoryService) List(ctx context.Context) ([]User, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	// TODO(step "Types, methods and interfaces"): return a copy of s.users (never nil:
	// an empty store must encode as [] in JSON, and callers must not be able
	// to change the store by editing the returned slice).
	return nil, nil
}

// Get returns the user with the given id.
func (s *MemoryService) Get(ctx context.Context, id string) (User, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	// TODO(step "Types, methods and interfaces"): find the user by id; when there is
	// none, return &NotFoundError{ID: id}.
	return User{}, errors.New("TODO: implement MemoryService.Get")
}
