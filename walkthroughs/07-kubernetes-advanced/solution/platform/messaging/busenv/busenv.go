// Package busenv picks the broker adapter from the environment, so the same
// binary runs on NATS JetStream or Kafka:
//
//	EDGO_BROKER    nats (default) or kafka
//	NATS_URL       default nats://127.0.0.1:4222 (a ConfigMap in Kubernetes)
//	NATS_USER, NATS_PASSWORD   optional (a Secret in Kubernetes)
//	KAFKA_BROKERS  comma-separated, default 127.0.0.1:9092
package busenv

import (
	"fmt"
	"log/slog"
	"strings"

	"example.com/shop/platform/messaging"
	"example.com/shop/platform/messaging/kafkabus"
	"example.com/shop/platform/messaging/natsbus"
)

// Connect returns the adapter named by EDGO_BROKER; getenv is os.Getenv in
// production and a map in tests.
func Connect(getenv func(string) string, clientName string, log *slog.Logger) (messaging.Bus, error) {
	get := func(key, def string) string {
		if v := strings.TrimSpace(getenv(key)); v != "" {
			return v
		}
		return def
	}
	switch broker := strings.ToLower(get("EDGO_BROKER", "nats")); broker {
	case "nats":
		return natsbus.Connect(natsbus.Config{
			URL:      get("NATS_URL", "nats://127.0.0.1:4222"),
			User:     getenv("NATS_USER"),
			Password: getenv("NATS_PASSWORD"),
			Name:     clientName,
			Logger:   log,
		})
	case "kafka":
		return kafkabus.Connect(kafkabus.Config{
			Brokers:  strings.Split(get("KAFKA_BROKERS", "127.0.0.1:9092"), ","),
			ClientID: clientName,
			Logger:   log,
		})
	default:
		return nil, fmt.Errorf("EDGO_BROKER=%q: use nats or kafka", broker)
	}
}
