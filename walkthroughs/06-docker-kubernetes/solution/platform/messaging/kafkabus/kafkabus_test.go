package kafkabus_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/twmb/franz-go/pkg/kfake"
	"github.com/twmb/franz-go/pkg/kgo"

	"example.com/shop/platform/event"
	"example.com/shop/platform/messaging"
	"example.com/shop/platform/messaging/kafkabus"
)

// startKafka runs franz-go's in-process fake cluster: no Kafka installed.
func startKafka(t *testing.T) []string {
	t.Helper()
	c, err := kfake.NewCluster(kfake.NumBrokers(1), kfake.AllowAutoTopicCreation(), kfake.SeedTopics(1, "order.created"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(c.Close)
	return c.ListenAddrs()
}

func connect(t *testing.T, brokers []string) *kafkabus.Bus {
	t.Helper()
	b, err := kafkabus.Connect(kafkabus.Config{Brokers: brokers, MaxAttempts: 2, Backoff: []time.Duration{10 * time.Millisecond}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = b.Close() })
	return b
}

func publish(t *testing.T, ctx context.Context, b *kafkabus.Bus, orderID string) event.Envelope {
	t.Helper()
	e, _ := event.New("order.created", "/test", orderID, map[string]string{"orderId": orderID})
	if err := b.Publish(ctx, e); err != nil {
		t.Fatal(err)
	}
	return e
}

func TestConsumerGroupResumesFromCommittedOffset(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	b := connect(t, startKafka(t))
	if err := b.Ready(); err != nil {
		t.Fatal(err)
	}
	first := publish(t, ctx, b, "o1")

	got := make(chan string, 10)
	failedOnce := false
	stop, err := b.Subscribe(ctx, messaging.Subscription{Name: "inventory", EventTypes: []string{"order.created"}},
		func(_ context.Context, e event.Envelope) error {
			if !failedOnce { // a transient failure: retried in place, not skipped
				failedOnce = true
				return errors.New("database busy")
			}
			got <- e.ID
			return nil
		})
	if err != nil {
		t.Fatal(err)
	}
	if id := receive(t, ctx, got); id != first.ID {
		t.Fatalf("got %s, want %s", id, first.ID)
	}
	stop() // commits happened after the handler; leaving the group now

	second := publish(t, ctx, b, "o2")
	stop, err = b.Subscribe(ctx, messaging.Subscription{Name: "inventory", EventTypes: []string{"order.created"}},
		func(_ context.Context, e event.Envelope) error { got <- e.ID; return nil })
	if err != nil {
		t.Fatal(err)
	}
	defer stop()
	if id := receive(t, ctx, got); id != second.ID {
		t.Fatalf("the group re-read %s; after a committed offset it should start at %s", id, second.ID)
	}
}

func TestPermanentFailureGoesToDeadLetterTopic(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	brokers := startKafka(t)
	b := connect(t, brokers)
	e := publish(t, ctx, b, "o1")
	stop, err := b.Subscribe(ctx, messaging.Subscription{Name: "inventory", EventTypes: []string{"order.created"}},
		func(context.Context, event.Envelope) error { return messaging.Permanent(errors.New("no such product")) })
	if err != nil {
		t.Fatal(err)
	}
	defer stop()

	dead, err := event.Parse(firstRecord(t, ctx, brokers, "dlq.inventory").Value)
	if err != nil || dead.ID != e.ID {
		t.Fatalf("dead letter %+v: %v; want event %s", dead, err, e.ID)
	}
}

// firstRecord reads the first record of a topic.
func firstRecord(t *testing.T, ctx context.Context, brokers []string, topic string) *kgo.Record {
	t.Helper()
	reader, err := kgo.NewClient(kgo.SeedBrokers(brokers...), kgo.ConsumeTopics(topic),
		kgo.ConsumeResetOffset(kgo.NewOffset().AtStart()), kgo.AllowAutoTopicCreation())
	if err != nil {
		t.Fatal(err)
	}
	defer reader.Close()
	for {
		fetches := reader.PollFetches(ctx)
		if ctx.Err() != nil {
			t.Fatalf("no record arrived on %s", topic)
		}
		if recs := fetches.Records(); len(recs) > 0 {
			return recs[0]
		}
	}
}

func receive(t *testing.T, ctx context.Context, ch <-chan string) string {
	t.Helper()
	select {
	case id := <-ch:
		return id
	case <-ctx.Done():
		t.Fatal("no event received")
		return ""
	}
}
