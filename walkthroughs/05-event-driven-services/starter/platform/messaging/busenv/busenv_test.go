package busenv

import (
	"strings"
	"testing"
	"time"

	"github.com/nats-io/nats-server/v2/server"
	"github.com/twmb/franz-go/pkg/kfake"

	"example.com/shop/platform/messaging/kafkabus"
	"example.com/shop/platform/messaging/natsbus"
	"example.com/shop/platform/natstest"
)

func env(m map[string]string) func(string) string { return func(k string) string { return m[k] } }

func TestBrokerIsChosenByEnvironment(t *testing.T) {
	b, err := Connect(env(map[string]string{"NATS_URL": "nats://127.0.0.1:1"}), "t", nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := b.(*natsbus.Bus); !ok {
		t.Fatalf("default broker is %T, want NATS", b)
	}
	b.Close()

	c, err := kfake.NewCluster(kfake.NumBrokers(1))
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	b, err = Connect(env(map[string]string{"EDGO_BROKER": "kafka", "KAFKA_BROKERS": strings.Join(c.ListenAddrs(), ",")}), "t", nil)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	if _, ok := b.(*kafkabus.Bus); !ok {
		t.Fatalf("EDGO_BROKER=kafka gave %T", b)
	}
	if err := b.Ready(); err != nil {
		t.Fatalf("kafka not ready: %v", err)
	}

	if _, err := Connect(env(map[string]string{"EDGO_BROKER": "rabbit"}), "t", nil); err == nil || !strings.Contains(err.Error(), "nats or kafka") {
		t.Fatalf("unknown broker: %v", err)
	}
}

// NATS_USER and NATS_PASSWORD (a Kubernetes Secret, through envFrom) reach the
// server; with a wrong password the service never becomes ready.
func TestNATSCredentialsComeFromTheEnvironment(t *testing.T) {
	srv := natstest.StartWith(t, func(o *server.Options) { o.Username, o.Password = "shop", "s3cret" })
	connect := func(password string) error {
		b, err := Connect(env(map[string]string{"NATS_URL": srv.ClientURL(), "NATS_USER": "shop", "NATS_PASSWORD": password}), "t", nil)
		if err != nil {
			t.Fatal(err)
		}
		defer b.Close()
		deadline := time.Now().Add(10 * time.Second)
		for b.Ready() != nil && time.Now().Before(deadline) {
			time.Sleep(20 * time.Millisecond)
		}
		return b.Ready()
	}
	if err := connect("s3cret"); err != nil {
		t.Fatalf("with the right credentials: %v", err)
	}
	b, err := Connect(env(map[string]string{"NATS_URL": srv.ClientURL(), "NATS_USER": "shop", "NATS_PASSWORD": "wrong"}), "t", nil)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	// The readiness error says why, so `kubectl describe pod` shows it.
	deadline := time.Now().Add(10 * time.Second)
	for err := b.Ready(); err == nil || !strings.Contains(strings.ToLower(err.Error()), "authorization"); err = b.Ready() {
		if err == nil || time.Now().After(deadline) {
			t.Fatalf("with a wrong password Ready() = %v; want an authorization error", err)
		}
		time.Sleep(20 * time.Millisecond)
	}
}
