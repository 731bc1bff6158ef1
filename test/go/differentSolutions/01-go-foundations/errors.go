package users

import (
	"context"
	"errors"
	"fmt"
)

// ErrNotFound is the sentinel callers test for with errors.Is.
var ErrNotFound = errors.New("user not found")

// NotFoundError is a custom error type that carries which user was missing.
// Callers that need the id use errors.As; callers that only care about the
// kind of failure use errors.Is(err, ErrNotFound).
type NotFoundError struct {
	ID string
}

func (e *NotFoundError) Error() string {
	return fmt.Sprintf("user %q not found", e.ID)
}

// Unwrap makes every NotFoundError an ErrNotFound for errors.Is.
func (e *NotFoundError) Unwrap() error { return ErrNotFound }

// DisplayName returns "Name (id)" for the user with the given id, for example
// "Grace Hopper (u2)".
func DisplayName(ctx context.Context, svc UserService, id string) (string, error) {
	u, err := svc.Get(ctx, id)
	if err != nil {
		return "", fmt.Errorf("looking up %s for its display name: %w", id, err)
	}
	return fmt.Sprintf("%s (%s)", u.Name, u.ID), nil
}
