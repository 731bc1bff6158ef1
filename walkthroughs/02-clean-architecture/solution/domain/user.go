package domain

import (
	"errors"
	"fmt"
)

// User is module 1's user, moved into the domain unchanged. The JSON tags stay
// for now; a stricter design would move them to the HTTP adapter as orders do.
type User struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

// ErrNotFound is the sentinel callers test for with errors.Is.
var ErrNotFound = errors.New("user not found")

// NotFoundError carries which user was missing; errors.Is(err, ErrNotFound)
// matches it through its Is method.
type NotFoundError struct {
	ID string
}

func (e *NotFoundError) Error() string {
	return fmt.Sprintf("user %q not found", e.ID)
}

// Is makes errors.Is(err, ErrNotFound) true for a *NotFoundError.
func (e *NotFoundError) Is(target error) bool {
	return target == ErrNotFound
}
