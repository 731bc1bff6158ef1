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
// kind of failure use errors.Is(err, ErrNotFound), which works because of Is.
type NotFoundError struct {
	ID string
}

func (e *NotFoundError) Error() string {
	return fmt.Sprintf("user %q not found", e.ID)
}

// Is makes errors.Is(err, ErrNotFound) true for a *NotFoundError anywhere in
// err's chain.
func (e *NotFoundError) Is(target error) bool {
	return target == ErrNotFound
}

// DisplayName returns "Name (id)" for the user with the given id. On failure it
// wraps the service's error with %w, adding context without hiding the cause.
func DisplayName(ctx context.Context, svc UserService, id string) (string, error) {
	u, err := svc.Get(ctx, id)
	if err != nil {
		return "", fmt.Errorf("display name of %q: %w", id, err)
	}
	return fmt.Sprintf("%s (%s)", u.Name, u.ID), nil
}
