package memory

import (
	"context"
	"slices"
	"sync"

	"example.com/edgo/users/domain"
)

// UserStore is module 1's MemoryService, now an infrastructure adapter of the
// usecase.UserService port.
type UserStore struct {
	mu    sync.RWMutex
	users []domain.User
}

// NewUserStore returns a store holding a copy of the given users.
func NewUserStore(users ...domain.User) *UserStore {
	return &UserStore{users: slices.Clone(users)}
}

// List returns a copy, so callers cannot change the store through the slice.
func (s *UserStore) List(context.Context) ([]domain.User, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	out := make([]domain.User, len(s.users))
	copy(out, s.users)
	return out, nil
}

// Get returns the user with the given id or a *domain.NotFoundError.
func (s *UserStore) Get(_ context.Context, id string) (domain.User, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	for _, u := range s.users {
		if u.ID == id {
			return u, nil
		}
	}
	return domain.User{}, &domain.NotFoundError{ID: id}
}
