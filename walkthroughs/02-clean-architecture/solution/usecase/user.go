package usecase

import (
	"context"
	"fmt"

	"example.com/edgo/users/domain"
)

// UserService is the port module 1's front ends used; it now lives with the
// use cases, and infra/memory implements it.
type UserService interface {
	// List returns every user; an empty store gives an empty (non-nil) slice.
	List(ctx context.Context) ([]domain.User, error)
	// Get returns the user or an error matching domain.ErrNotFound.
	Get(ctx context.Context, id string) (domain.User, error)
}

// DisplayName returns "Name (id)", wrapping the service's error with %w.
func DisplayName(ctx context.Context, svc UserService, id string) (string, error) {
	u, err := svc.Get(ctx, id)
	if err != nil {
		return "", fmt.Errorf("display name of %q: %w", id, err)
	}
	return fmt.Sprintf("%s (%s)", u.Name, u.ID), nil
}
