// Command notification runs the notification service; see internal/notification. Its
// environment variables are listed in the README (DATABASE_URL is required).
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"

	"example.com/capstone/internal/notification"
	"example.com/capstone/internal/platform/host"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	h, err := host.Connect(ctx, notification.Name)
	if err != nil {
		fatal(err)
	}
	defer h.Close()
	db, err := h.Database(ctx)
	if err != nil {
		fatal(err)
	}
	defer db.Close()
	retention, err := host.Retention()
	if err != nil {
		fatal(err)
	}
	svc, err := notification.Start(ctx, notification.Deps{JS: h.JS, DB: db, Tracer: h.TP, Log: h.Log, Retention: retention})
	if err != nil {
		h.Log.Error("start failed", "error", err)
		os.Exit(1)
	}
	defer svc.Stop()
	if err := h.Serve(ctx, svc.Handler); err != nil {
		h.Log.Error("server stopped", "error", err)
		os.Exit(1)
	}
}

func fatal(err error) {
	_, _ = os.Stderr.WriteString("notification: " + err.Error() + "\n")
	os.Exit(1)
}
