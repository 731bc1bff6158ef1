// Package kafkabus is the Kafka adapter of the messaging ports, on franz-go.
//
// What differs from JetStream: a topic per event type; a subscription is a
// consumer group, and progress is the group's committed offset per
// partition, not a per-message ack. A failing record is retried in place
// (with backoff) because moving past it would commit it; after MaxAttempts
// it goes to the dlq.<group> topic, and only once that dead letter is
// stored is the record committed. A rebalance waits until the records of a
// poll are handled and committed (BlockRebalanceOnPoll), so a partition
// never moves to another member with handled records still uncommitted.
// Kafka has no Nats-Msg-Id de-duplication window, so the idempotent consumer
// matters even more. (With sarama the same shape is a ConsumerGroupHandler
// whose ConsumeClaim calls session.MarkMessage after the handler succeeds.)
package kafkabus

import (
	"context"
	"fmt"
	"log/slog"
	"strconv"
	"time"

	"github.com/twmb/franz-go/pkg/kgo"

	"example.com/shop/platform/event"
	"example.com/shop/platform/messaging"
)

// Config says where the brokers are and how retries behave.
type Config struct {
	Brokers     []string
	ClientID    string
	MaxAttempts int
	Backoff     []time.Duration
	Logger      *slog.Logger
}

func (c *Config) defaults() {
	if c.MaxAttempts <= 0 {
		c.MaxAttempts = 5
	}
	if len(c.Backoff) == 0 {
		c.Backoff = []time.Duration{time.Second, 5 * time.Second, 30 * time.Second}
	}
	if c.Logger == nil {
		c.Logger = slog.Default()
	}
	if c.ClientID == "" {
		c.ClientID = "edgo"
	}
}

// Bus implements messaging.Bus on Kafka.
type Bus struct {
	cfg      Config
	producer *kgo.Client
}

var _ messaging.Bus = (*Bus)(nil)

// Connect creates the producing client; consumers get their own clients.
func Connect(cfg Config) (*Bus, error) {
	cfg.defaults()
	cl, err := kgo.NewClient(
		kgo.SeedBrokers(cfg.Brokers...),
		kgo.ClientID(cfg.ClientID),
		kgo.AllowAutoTopicCreation(),
	)
	if err != nil {
		return nil, fmt.Errorf("kafka client: %w", err)
	}
	return &Bus{cfg: cfg, producer: cl}, nil
}

// Ready pings a broker.
func (b *Bus) Ready() error {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	return b.producer.Ping(ctx)
}

// Publish writes the event to the topic named by its type, keyed by its
// subject so one order's events stay in one partition, in order.
func (b *Bus) Publish(ctx context.Context, e event.Envelope) error {
	data, err := e.Marshal()
	if err != nil {
		return err
	}
	rec := &kgo.Record{
		Topic: e.Type,
		Key:   []byte(e.Subject),
		Value: data,
		Headers: []kgo.RecordHeader{
			{Key: "ce_id", Value: []byte(e.ID)},
			{Key: "ce_type", Value: []byte(e.Type)},
		},
	}
	if err := b.producer.ProduceSync(ctx, rec).FirstErr(); err != nil {
		return fmt.Errorf("produce %s %s: %w", e.Type, e.ID, err)
	}
	return nil
}

// Subscribe joins the consumer group s.Name on the event types' topics and
// commits each record's offset after the handler is done with it.
func (b *Bus) Subscribe(ctx context.Context, s messaging.Subscription, h messaging.Handler) (func(), error) {
	cl, err := kgo.NewClient(
		kgo.SeedBrokers(b.cfg.Brokers...),
		kgo.ClientID(b.cfg.ClientID),
		kgo.ConsumerGroup(s.Name),
		kgo.ConsumeTopics(s.EventTypes...),
		kgo.DisableAutoCommit(),
		// A rebalance waits from PollRecords until AllowRebalance, that is
		// until the polled records are handled and committed: the member
		// that handled a record is the one that commits it.
		kgo.BlockRebalanceOnPoll(),
		kgo.ConsumeResetOffset(kgo.NewOffset().AtStart()),
		kgo.AllowAutoTopicCreation(),
	)
	if err != nil {
		return nil, fmt.Errorf("kafka consumer %s: %w", s.Name, err)
	}
	ctx, cancel := context.WithCancel(ctx)
	done := make(chan struct{})
	go func() {
		defer close(done)
		b.consume(ctx, cl, s.Name, h)
	}()
	return func() {
		cancel()
		<-done
		cl.Close() // leaves the group: its partitions move on at once
	}, nil
}

// maxPollRecords bounds the records handled between two polls, and so how
// long a rebalance waits for this member.
const maxPollRecords = 100

func (b *Bus) consume(ctx context.Context, cl *kgo.Client, group string, h messaging.Handler) {
	log := b.cfg.Logger.With("group", group)
	for ctx.Err() == nil {
		fetches := cl.PollRecords(ctx, maxPollRecords)
		if fetches.IsClientClosed() || ctx.Err() != nil {
			cl.AllowRebalance()
			return
		}
		fetches.EachError(func(topic string, p int32, err error) {
			log.Warn("fetch", "topic", topic, "partition", p, "err", err)
		})
		var done []*kgo.Record
		for it := fetches.RecordIter(); !it.Done(); {
			rec := it.Next()
			if !b.process(ctx, group, rec, h) {
				break // shutting down: leave the rest uncommitted
			}
			done = append(done, rec)
		}
		if len(done) > 0 {
			// Commit even while shutting down: the work is done, and an
			// uncommitted record would be handled again by the next member.
			cctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
			if err := cl.CommitRecords(cctx, done...); err != nil {
				log.Warn("commit failed; records may come again", "err", err)
			}
			cancel()
		}
		cl.AllowRebalance()
	}
}

// process runs the handler until it succeeds, the error is permanent or the
// attempts are used up; then it dead-letters the record, retrying that too
// until the dead letter is stored. It returns false (the record is not done
// and must not be committed) only on shutdown.
func (b *Bus) process(ctx context.Context, group string, rec *kgo.Record, h messaging.Handler) bool {
	e, err := event.Parse(rec.Value)
	if err != nil {
		err = messaging.Permanent(err)
	}
	attempt := 1
	for ; ; attempt++ {
		if err == nil {
			err = h(ctx, e)
			if err == nil {
				return true
			}
		}
		if messaging.IsPermanent(err) || attempt >= b.cfg.MaxAttempts {
			break
		}
		if !b.wait(ctx, attempt) {
			return false
		}
		err = nil
	}
	for try := 1; ; try++ {
		dlErr := b.deadLetter(ctx, group, rec, err, attempt)
		if dlErr == nil {
			return true
		}
		b.cfg.Logger.Error("dead-letter produce failed; not committing, retrying", "topic", rec.Topic, "offset", rec.Offset, "err", dlErr)
		if !b.wait(ctx, try) {
			return false
		}
	}
}

// wait sleeps the backoff after the given attempt; false if ctx ended first.
func (b *Bus) wait(ctx context.Context, attempt int) bool {
	select {
	case <-ctx.Done():
		return false
	case <-time.After(b.cfg.Backoff[min(attempt-1, len(b.cfg.Backoff)-1)]):
		return true
	}
}

func (b *Bus) deadLetter(ctx context.Context, group string, rec *kgo.Record, cause error, attempts int) error {
	b.cfg.Logger.Error("dead-lettering record", "topic", rec.Topic, "offset", rec.Offset, "err", cause)
	dl := &kgo.Record{
		Topic: messaging.DeadLetterSubject(group),
		Key:   rec.Key,
		Value: rec.Value,
		Headers: append(append([]kgo.RecordHeader(nil), rec.Headers...),
			kgo.RecordHeader{Key: "edgo_original_topic", Value: []byte(rec.Topic)},
			kgo.RecordHeader{Key: "edgo_error", Value: []byte(cause.Error())},
			kgo.RecordHeader{Key: "edgo_attempts", Value: []byte(strconv.Itoa(attempts))},
		),
	}
	return b.producer.ProduceSync(ctx, dl).FirstErr()
}

// Close closes the producer.
func (b *Bus) Close() error {
	b.producer.Close()
	return nil
}
