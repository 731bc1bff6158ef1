package users

import (
	"context"
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
	out := make([]User, len(s.users))
	copy(out, s.users)
	return out, nil
}

// Get returns the user with the given id.
func (s *MemoryService) Get(ctx context.Context, id string) (User, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	i := slices.IndexFunc(s.users, func(u User) bool { return u.ID == id })
	if i < 0 {
		return User{}, &NotFoundError{ID: id}
	}
	return s.users[i], nil
}
