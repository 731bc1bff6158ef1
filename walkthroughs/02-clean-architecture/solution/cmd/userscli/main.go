// Command userscli uses the same UserService from the command line:
//
//	go run ./cmd/userscli          # list users
//	go run ./cmd/userscli get u1   # one user
package main

import (
	"context"
	"errors"
	"fmt"
	"os"

	"example.com/edgo/users/domain"
	"example.com/edgo/users/infra/memory"
	"example.com/edgo/users/usecase"
)

func main() {
	svc := memory.NewUserStore(
		domain.User{ID: "u1", Name: "Ada Lovelace"},
		domain.User{ID: "u2", Name: "Grace Hopper"},
	)
	if err := run(context.Background(), svc, os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "userscli:", err)
		if errors.Is(err, domain.ErrNotFound) {
			os.Exit(2)
		}
		os.Exit(1)
	}
}

func run(ctx context.Context, svc usecase.UserService, args []string) error {
	switch {
	case len(args) == 0:
		list, err := svc.List(ctx)
		if err != nil {
			return fmt.Errorf("list: %w", err)
		}
		for _, u := range list {
			fmt.Printf("%s\t%s\n", u.ID, u.Name)
		}
		return nil
	case len(args) == 2 && args[0] == "get":
		name, err := usecase.DisplayName(ctx, svc, args[1])
		if err != nil {
			return err
		}
		fmt.Println(name)
		return nil
	default:
		return errors.New("usage: userscli [get ID]")
	}
}
