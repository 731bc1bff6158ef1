package outbox

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/nats-io/nats-server/v2/server"
	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
	"go.opentelemetry.io/otel/trace/noop"

	"example.com/capstone/internal/platform/eventbus"
	"example.com/capstone/internal/platform/observability"
	"example.com/capstone/internal/platform/pgdb"
)

// countingJS records every PublishMsg by Nats-Msg-Id before passing it on.
type countingJS struct {
	jetstream.JetStream
	mu    sync.Mutex
	calls map[string]int
}

func (c *countingJS) PublishMsg(ctx context.Context, msg *nats.Msg, opts ...jetstream.PublishOpt) (*jetstream.PubAck, error) {
	c.mu.Lock()
	c.calls[msg.Header.Get(jetstream.MsgIDHeader)]++
	c.mu.Unlock()
	return c.JetStream.PublishMsg(ctx, msg, opts...)
}

// TestRelaysOnOneTablePublishEachRowOnce runs three relays, as three replicas
// would, over 300 committed rows: each row must be published by exactly one
// of them (SKIP LOCKED), not published twice and left to JetStream to drop.
func TestRelaysOnOneTablePublishEachRowOnce(t *testing.T) {
	ctx := context.Background()
	db := database(t)
	if err := pgdb.Migrate(ctx, db, Migrations()); err != nil {
		t.Fatal(err)
	}
	js := &countingJS{JetStream: jetStream(t), calls: map[string]int{}}
	const rows = 300
	err := pgx.BeginFunc(ctx, db, func(tx pgx.Tx) error {
		for i := range rows {
			env, err := eventbus.NewEnvelope("/services/test", eventbus.Event{Type: "booking.requested", Subject: fmt.Sprint(i), Data: i}, time.Now())
			if err != nil {
				return err
			}
			if err := Add(ctx, tx, env); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}

	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	var stops []func()
	for range 3 {
		pub := eventbus.NewPublisher(js, "/services/test", noop.NewTracerProvider(), observability.NewMetrics("test"))
		stops = append(stops, NewRelay(db, pub, log, 5*time.Millisecond).Start())
	}
	deadline := time.Now().Add(20 * time.Second)
	for {
		var unsent int
		if err := db.QueryRow(ctx, `SELECT count(*) FROM outbox WHERE sent_at IS NULL`).Scan(&unsent); err != nil {
			t.Fatal(err)
		}
		if unsent == 0 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("%d rows still unsent", unsent)
		}
		time.Sleep(10 * time.Millisecond)
	}
	for _, stop := range stops {
		stop()
	}
	js.mu.Lock()
	defer js.mu.Unlock()
	if len(js.calls) != rows {
		t.Errorf("%d distinct events published, want %d", len(js.calls), rows)
	}
	for id, n := range js.calls {
		if n != 1 {
			t.Errorf("event %s published %d times by the relays, want 1", id, n)
		}
	}
}

// database gives the test a schema of its own in $DATABASE_URL.
func database(t *testing.T) *pgxpool.Pool {
	t.Helper()
	url := os.Getenv("DATABASE_URL")
	if url == "" {
		t.Fatal("this test needs PostgreSQL and DATABASE_URL is not set: " + pgdb.HowToStart)
	}
	ctx := context.Background()
	admin, err := pgdb.Open(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(admin.Close)
	schema := "outbox_" + eventbus.NewID()[:16]
	if _, err := admin.Exec(ctx, "CREATE SCHEMA "+schema); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _, _ = admin.Exec(context.Background(), "DROP SCHEMA "+schema+" CASCADE") })
	cfg, err := pgxpool.ParseConfig(url)
	if err != nil {
		t.Fatal(err)
	}
	cfg.ConnConfig.RuntimeParams["search_path"] = schema
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(pool.Close)
	return pool
}

func jetStream(t *testing.T) jetstream.JetStream {
	t.Helper()
	ns, err := server.NewServer(&server.Options{Host: "127.0.0.1", Port: server.RANDOM_PORT, JetStream: true, StoreDir: t.TempDir(), NoLog: true, NoSigs: true})
	if err != nil {
		t.Fatal(err)
	}
	go ns.Start()
	if !ns.ReadyForConnections(10 * time.Second) {
		t.Fatal("embedded NATS not ready")
	}
	nc, err := nats.Connect(ns.ClientURL())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { nc.Close(); ns.Shutdown(); ns.WaitForShutdown() })
	js, err := jetstream.New(nc)
	if err != nil {
		t.Fatal(err)
	}
	if err := eventbus.EnsureStreams(context.Background(), js); err != nil {
		t.Fatal(err)
	}
	return js
}
