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

// TODO(step "Errors: wrapping, errors.Is and errors.As"): make errors.Is(err, ErrNotFound) true for a
// *NotFoundError. Either add a method `Is(target error) bool` that reports
// target == ErrNotFound, or an `Unwrap() error` that returns ErrNotFound.

// DisplayName returns "Name (id)" for the user with the given id, for example
// "Grace Hopper (u2)".
func DisplayName(ctx context.Context, svc UserService, id string) (string, error) {
	// TODO(step "Errors: wrapping, errors.Is and errors.As"): call svc.Get. On error, add context and wrap the
	// cause with %w (fmt.Errorf("display name of %q: %w", id, err)) so that
	// callers can still use errors.Is and errors.As on the result.
	return "", errors.New("TODO: implement DisplayName")
}
