// Package natsbus is the NATS JetStream adapter of the messaging ports.
//
//   - one stream per bounded context (ORDERS holds order.>, INVENTORY holds
//     inventory.>), plus DEADLETTER for dlq.>;
//   - publishing sets Nats-Msg-Id to the event id, so the stream drops a
//     second copy inside its duplicate window;
//   - each subscription is a durable pull consumer with explicit acks; a
//     failed event is redelivered with backoff and, after MaxDeliver tries,
//     copied to dlq.<subscription> and terminated.
package natsbus

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"example.com/shop/platform/event"
	"example.com/shop/platform/messaging"
)

// StreamSpec is one stream and the subjects it captures.
type StreamSpec struct {
	Name     string
	Subjects []string
}

// DefaultStreams has a stream per bounded context and the dead letters.
func DefaultStreams() []StreamSpec {
	return []StreamSpec{
		{Name: "ORDERS", Subjects: []string{"order.>"}},
		{Name: "INVENTORY", Subjects: []string{"inventory.>"}},
		{Name: "DEADLETTER", Subjects: []string{"dlq.>"}},
	}
}

// Config says where the server is and how redelivery behaves.
type Config struct {
	URL      string
	User     string // from a Kubernetes Secret, through the environment
	Password string
	Name     string // client name shown by the server
	Streams  []StreamSpec
	// Backoff[i] is the wait before delivery i+2 of a failed event; the server
	// uses the same list when an ack never comes (the consumer crashed).
	Backoff []time.Duration
	// MaxDeliver is how many deliveries an event gets before it is dead-lettered.
	MaxDeliver int
	// DuplicateWindow is how long the streams remember message ids.
	DuplicateWindow time.Duration
	Logger          *slog.Logger
}

func (c *Config) defaults() {
	if len(c.Streams) == 0 {
		c.Streams = DefaultStreams()
	}
	if len(c.Backoff) == 0 {
		c.Backoff = []time.Duration{time.Second, 5 * time.Second, 30 * time.Second}
	}
	if c.MaxDeliver <= len(c.Backoff) {
		c.MaxDeliver = len(c.Backoff) + 1 // the server requires MaxDeliver > len(BackOff)
	}
	if c.DuplicateWindow == 0 {
		c.DuplicateWindow = 2 * time.Minute
	}
	if c.Logger == nil {
		c.Logger = slog.Default()
	}
}

// Bus is a JetStream connection that implements messaging.Bus.
type Bus struct {
	cfg   Config
	nc    *nats.Conn
	js    jetstream.JetStream
	ready chan struct{} // closed once the streams exist
	once  sync.Once
	stop  chan struct{}
}

var _ messaging.Bus = (*Bus)(nil)

// Connect returns at once; the connection and the streams are set up in the
// background, so a service can start (and report not ready) before NATS is up.
func Connect(cfg Config) (*Bus, error) {
	cfg.defaults()
	opts := []nats.Option{
		nats.Name(cfg.Name),
		nats.RetryOnFailedConnect(true),
		nats.MaxReconnects(-1),
		nats.ReconnectWait(250 * time.Millisecond),
		// Each change of the connection is logged, so "not ready" in /readyz
		// can be matched with what the service saw of the broker.
		nats.ConnectHandler(func(nc *nats.Conn) { cfg.Logger.Info("connected to NATS", "url", nc.ConnectedUrl()) }),
		nats.ReconnectHandler(func(nc *nats.Conn) { cfg.Logger.Info("reconnected to NATS", "url", nc.ConnectedUrl()) }),
		nats.DisconnectErrHandler(func(_ *nats.Conn, err error) {
			if err != nil {
				cfg.Logger.Warn("disconnected from NATS", "err", err)
			}
		}),
	}
	if cfg.User != "" {
		opts = append(opts, nats.UserInfo(cfg.User, cfg.Password))
	}
	nc, err := nats.Connect(cfg.URL, opts...)
	if err != nil {
		return nil, fmt.Errorf("connect to NATS at %s: %w", cfg.URL, err)
	}
	js, err := jetstream.New(nc)
	if err != nil {
		nc.Close()
		return nil, err
	}
	b := &Bus{cfg: cfg, nc: nc, js: js, ready: make(chan struct{}), stop: make(chan struct{})}
	go b.ensureStreams()
	return b, nil
}

func (b *Bus) ensureStreams() {
	for {
		if err := b.createStreams(); err == nil {
			b.cfg.Logger.Info("JetStream streams ready")
			close(b.ready)
			return
		} else if b.nc.IsConnected() {
			b.cfg.Logger.Warn("creating streams", "err", err)
		}
		select {
		case <-b.stop:
			return
		case <-time.After(250 * time.Millisecond):
		}
	}
}

func (b *Bus) createStreams() error {
	if !b.nc.IsConnected() {
		return nats.ErrNoServers
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	for _, s := range b.cfg.Streams {
		_, err := b.js.CreateOrUpdateStream(ctx, jetstream.StreamConfig{
			Name:       s.Name,
			Subjects:   s.Subjects,
			Storage:    jetstream.FileStorage,
			Duplicates: b.cfg.DuplicateWindow,
		})
		if err != nil {
			return fmt.Errorf("stream %s: %w", s.Name, err)
		}
	}
	return nil
}

// Ready is nil once connected and the streams exist: the /readyz probe.
func (b *Bus) Ready() error {
	if !b.nc.IsConnected() {
		if err := b.nc.LastError(); err != nil {
			return fmt.Errorf("not connected to NATS at %s: %w", b.cfg.URL, err)
		}
		return fmt.Errorf("not connected to NATS at %s (%s)", b.cfg.URL, b.nc.Status())
	}
	select {
	case <-b.ready:
		return nil
	default:
		return errors.New("JetStream streams not set up yet")
	}
}

func (b *Bus) waitReady(ctx context.Context) error {
	select {
	case <-b.ready:
		return nil
	case <-ctx.Done():
		return fmt.Errorf("waiting for NATS: %w", ctx.Err())
	}
}

// Publish sends the event with its id as Nats-Msg-Id: a re-publish of the
// same event (say, by the outbox relay after a crash) is dropped by the stream.
func (b *Bus) Publish(ctx context.Context, e event.Envelope) error {
	if err := b.waitReady(ctx); err != nil {
		return err
	}
	data, err := e.Marshal()
	if err != nil {
		return err
	}
	if _, err := b.js.Publish(ctx, e.Type, data, jetstream.WithMsgID(e.ID)); err != nil {
		return fmt.Errorf("publish %s %s: %w", e.Type, e.ID, err)
	}
	return nil
}

// Subscribe creates one durable pull consumer per event type and consumes it.
func (b *Bus) Subscribe(ctx context.Context, s messaging.Subscription, h messaging.Handler) (func(), error) {
	if err := b.waitReady(ctx); err != nil {
		return nil, err
	}
	var stops []func()
	stopAll := func() {
		for _, stop := range stops {
			stop()
		}
	}
	for _, typ := range s.EventTypes {
		stream, err := b.js.StreamNameBySubject(ctx, typ)
		if err != nil {
			stopAll()
			return nil, fmt.Errorf("no stream captures %s: %w", typ, err)
		}
		durable := s.Name + "_" + strings.NewReplacer(".", "-", "*", "any", ">", "all").Replace(typ)
		cons, err := b.js.CreateOrUpdateConsumer(ctx, stream, jetstream.ConsumerConfig{
			Durable:       durable,
			FilterSubject: typ,
			AckPolicy:     jetstream.AckExplicitPolicy,
			AckWait:       b.cfg.Backoff[0],
			BackOff:       b.cfg.Backoff,
			MaxDeliver:    b.cfg.MaxDeliver,
		})
		if err != nil {
			stopAll()
			return nil, fmt.Errorf("consumer %s: %w", durable, err)
		}
		cc, err := cons.Consume(func(msg jetstream.Msg) { b.handle(ctx, s.Name, msg, h) })
		if err != nil {
			stopAll()
			return nil, fmt.Errorf("consume %s: %w", durable, err)
		}
		stops = append(stops, cc.Stop)
	}
	return stopAll, nil
}

func (b *Bus) handle(ctx context.Context, subscription string, msg jetstream.Msg, h messaging.Handler) {
	log := b.cfg.Logger.With("subject", msg.Subject(), "subscription", subscription)
	e, err := event.Parse(msg.Data())
	if err == nil {
		err = h(ctx, e)
		if err == nil {
			if ackErr := msg.Ack(); ackErr != nil {
				log.Warn("ack failed; the event will come again", "err", ackErr)
			}
			return
		}
	} else {
		err = messaging.Permanent(err)
	}
	delivered := 1
	if md, mdErr := msg.Metadata(); mdErr == nil {
		delivered = int(md.NumDelivered)
	}
	if messaging.IsPermanent(err) || delivered >= b.cfg.MaxDeliver {
		log.Error("dead-lettering event", "delivered", delivered, "err", err)
		b.deadLetter(ctx, subscription, msg, err, delivered)
		_ = msg.Term()
		return
	}
	delay := b.cfg.Backoff[min(delivered-1, len(b.cfg.Backoff)-1)]
	log.Warn("handler failed; redelivering", "delivered", delivered, "in", delay, "err", err)
	_ = msg.NakWithDelay(delay)
}

func (b *Bus) deadLetter(ctx context.Context, subscription string, msg jetstream.Msg, cause error, delivered int) {
	dl := nats.NewMsg(messaging.DeadLetterSubject(subscription))
	dl.Data = msg.Data()
	dl.Header.Set("Edgo-Original-Subject", msg.Subject())
	dl.Header.Set("Edgo-Error", cause.Error())
	dl.Header.Set("Edgo-Deliveries", strconv.Itoa(delivered))
	if _, err := b.js.PublishMsg(ctx, dl); err != nil {
		b.cfg.Logger.Error("dead-letter publish failed", "err", err)
	}
}

// JetStream exposes the JetStream context, for tests and tools.
func (b *Bus) JetStream() jetstream.JetStream { return b.js }

// Close stops the background set-up and closes the connection.
func (b *Bus) Close() error {
	b.once.Do(func() { close(b.stop) })
	b.nc.Close()
	return nil
}
