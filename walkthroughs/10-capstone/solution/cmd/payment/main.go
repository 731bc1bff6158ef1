// Command payment runs the payment service; see internal/payment. Its
// environment variables are listed in the README (DATABASE_URL is required).
package main

import (
	"context"
	"os"
	"os/signal"
	"strconv"
	"syscall"

	"example.com/capstone/internal/payment"
	"example.com/capstone/internal/platform/host"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	h, err := host.Connect(ctx, payment.Name)
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
	svc, err := payment.Start(ctx, payment.Deps{JS: h.JS, DB: db, Tracer: h.TP, Log: h.Log, LimitCents: int64(atoi(host.Env("PAYMENT_LIMIT_CENTS", "100000"))), Retention: retention})
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

func atoi(s string) int {
	n, err := strconv.Atoi(s)
	if err != nil {
		fatal(err)
	}
	return n
}

func fatal(err error) {
	_, _ = os.Stderr.WriteString("payment: " + err.Error() + "\n")
	os.Exit(1)
}
