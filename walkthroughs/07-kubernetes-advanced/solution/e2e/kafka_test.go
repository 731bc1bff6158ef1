package e2e

import (
	"strings"
	"testing"

	"github.com/twmb/franz-go/pkg/kfake"

	invdomain "example.com/shop/inventory/domain"
	"example.com/shop/platform/messaging"
	"example.com/shop/platform/messaging/busenv"
)

// The same services on Kafka: only the adapter picked by EDGO_BROKER changes.
func TestOrderFlowsEndToEndOverKafka(t *testing.T) {
	cluster, err := kfake.NewCluster(kfake.NumBrokers(1), kfake.AllowAutoTopicCreation(),
		kfake.SeedTopics(1, "order.created", "inventory.reserved", "inventory.rejected"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(cluster.Close) // registered first, so it runs after the consumers have stopped
	vars := map[string]string{"EDGO_BROKER": "kafka", "KAFKA_BROKERS": strings.Join(cluster.ListenAddrs(), ",")}
	dial := func(name string) messaging.Bus {
		b, err := busenv.Connect(func(k string) string { return vars[k] }, name, nil)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { _ = b.Close() })
		return b
	}
	s := startShopOn(t, invdomain.Stock{"sku-1": 5}, dial)
	s.startInventory(dial("inventory"), nil)

	order := s.postOrder(`{"customerId":"c1","items":[{"sku":"sku-1","quantity":2}]}`)
	waitFor(t, "order confirmed over Kafka", func() bool { return s.getOrder(order.ID).Status == "confirmed" })
	if got := s.inventory.Available("sku-1"); got != 3 {
		t.Fatalf("sku-1 available = %d, want 3", got)
	}
}
