package busenv

import (
	"strings"
	"testing"

	"github.com/twmb/franz-go/pkg/kfake"

	"example.com/shop/platform/messaging/kafkabus"
	"example.com/shop/platform/messaging/natsbus"
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
