// Package users is a small user service: a domain type, the UserService
// interface, an in-memory implementation and an HTTP handler in front of it.
package users

import "context"

// User is the one domain type of this module. The JSON tags are the wire
// names the HTTP API uses.
type User struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

// UserService is everything the HTTP and CLI front ends need from the users
// store. It is small on purpose: callers depend on behaviour, not on the
// in-memory slice or a future database behind it.
type UserService interface {
	// List returns every user in a stable order; an empty store gives an
	// empty (non-nil) slice.
	List(ctx context.Context) ([]User, error)
	// Get returns the user with the given id, or an error that matches
	// ErrNotFound with errors.Is.
	Get(ctx context.Context, id string) (User, error)
}
