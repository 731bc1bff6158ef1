// Package natsbus is the NATS JetStream adapter of the messaging ports.
//
//   - one stream per bounded context (ORDERS holds order.>, INVENTORY holds
//     inventory.>), plus DEADLETTER for dlq.>;
//   - publishing sets Nats-Msg-Id to the event id, so the stream drops a
//     second copy inside its duplicate window;
//   - each subscription is a durable pull consumer with explicit acks; a
//     failed event is redelivered with backoff and, after MaxDeliver tries,
//     copied to dlq.<subscription> and terminated. When that copy cannot be
//     published the event is redelivered instead: it is never dropped;
//   - while a handler runs, the adapter tells the server it is still working
//     (InProgress), so a slow handler is not redelivered under its feet;
//   - Close drains: in-flight handlers finish and ack before the connection
//     goes away.
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
	// Backoff[i] is the wait before delivery i+2 of a failed event.
	Backoff []time.Duration
	// MaxDeliver is how many deliveries an event gets before it is dead-lettered.
	MaxDeliver int
	// HandlerTimeout is the deadline of one handler run (default 10s).
	HandlerTimeout time.Duration
	// AckWait is how long the server waits for an ack, or for the next
	// InProgress while the handler runs, before it redelivers: after a crash
	// that is the wait until another instance gets the event. A value not
	// longer than HandlerTimeout is replaced by twice HandlerTimeout.
	AckWait time.Duration
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
	if c.MaxDeliver <= 0 {
		c.MaxDeliver = len(c.Backoff) + 1
	}
	if c.HandlerTimeout <= 0 {
		c.HandlerTimeout = 10 * time.Second
	}
	if c.AckWait <= c.HandlerTimeout {
		c.AckWait = 2 * c.HandlerTimeout
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
	cfg    Config
	nc     *nats.Conn
	js     jetstream.JetStream
	ready  chan struct{} // closed once the streams exist
	once   sync.Once
	stop   chan struct{}
	closed chan struct{} // closed when the connection is closed (after a drain)
}

var _ messaging.Bus = (*Bus)(nil)

// Connect returns at once; the connection and the streams are set up in the
// background, so a service can start (and report not ready) before NATS is up.
func Connect(cfg Config) (*Bus, error) {
	cfg.defaults()
	closed := make(chan struct{})
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
		nats.ClosedHandler(func(*nats.Conn) { close(closed) }),
		// Close drains; an in-flight handler may use its whole deadline.
		nats.DrainTimeout(cfg.HandlerTimeout + 5*time.Second),
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
	b := &Bus{cfg: cfg, nc: nc, js: js, ready: make(chan struct{}), stop: make(chan struct{}), closed: closed}
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
// The returned stop drains the consumers: it stops pulling, lets the handler
// that is running finish (and ack), and returns once that is done.
func (b *Bus) Subscribe(ctx context.Context, s messaging.Subscription, h messaging.Handler) (func(), error) {
	if err := b.waitReady(ctx); err != nil {
		return nil, err
	}
	// Handlers outlive a cancelled ctx: stop, not ctx, ends the subscription,
	// and each run is bounded by HandlerTimeout.
	hctx := context.WithoutCancel(ctx)
	var consuming []jetstream.ConsumeContext
	stopAll := func() { b.drain(consuming) }
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
			// Longer than a handler may run, so only a crashed instance's
			// event is redelivered by the server's timer.
			AckWait: b.cfg.AckWait,
			// No server-side BackOff or MaxDeliver: BackOff would replace
			// AckWait with its first entry, and a server that stops at
			// MaxDeliver would never redeliver an event whose dead letter
			// could not be published. handle spaces the retries and counts
			// the deliveries.
			MaxDeliver: -1,
		})
		if err != nil {
			stopAll()
			return nil, fmt.Errorf("consumer %s: %w", durable, err)
		}
		// One message at a time: a buffered message's ack timer would run
		// while it waits behind a slow handler.
		cc, err := cons.Consume(func(msg jetstream.Msg) { b.handle(hctx, s.Name, msg, h) }, jetstream.PullMaxMessages(1))
		if err != nil {
			stopAll()
			return nil, fmt.Errorf("consume %s: %w", durable, err)
		}
		consuming = append(consuming, cc)
	}
	return stopAll, nil
}

// drain stops the consumers from pulling and waits until the messages they
// hold are handled, at most the drain timeout.
func (b *Bus) drain(consuming []jetstream.ConsumeContext) {
	for _, cc := range consuming {
		cc.Drain()
	}
	deadline := time.After(b.nc.Opts.DrainTimeout)
	for _, cc := range consuming {
		select {
		case <-cc.Closed():
		case <-deadline:
			b.cfg.Logger.Warn("consumer did not drain in time; its events will be redelivered")
			cc.Stop()
		}
	}
}

// deliveries is how many times the server has delivered msg, this time included.
func deliveries(msg jetstream.Msg) int {
	if md, err := msg.Metadata(); err == nil {
		return int(md.NumDelivered)
	}
	return 1
}

// retryDelay is the wait before the next delivery of an event that failed on
// delivery number delivered (the Backoff list; its last entry after that).
func (b *Bus) retryDelay(delivered int) time.Duration {
	return b.cfg.Backoff[min(max(delivered, 1)-1, len(b.cfg.Backoff)-1)]
}

// run calls the handler with a HandlerTimeout deadline and, until it returns,
// tells the server every AckWait/3 that the event is still being worked on,
// so the server does not hand it to another instance meanwhile.
func (b *Bus) run(ctx context.Context, log *slog.Logger, msg jetstream.Msg, h messaging.Handler, e event.Envelope) error {
	ctx, cancel := context.WithTimeout(ctx, b.cfg.HandlerTimeout)
	defer cancel()
	finished, beatsStopped := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(beatsStopped)
		tick := time.NewTicker(b.cfg.AckWait / 3)
		defer tick.Stop()
		for {
			select {
			case <-finished:
				return
			case <-tick.C:
				if ctx.Err() != nil {
					log.Warn("handler still running after its deadline", "timeout", b.cfg.HandlerTimeout)
				}
				if err := msg.InProgress(); err != nil {
					log.Warn("in-progress ack failed", "err", err)
				}
			}
		}
	}()
	err := h(ctx, e)
	close(finished)
	<-beatsStopped // no InProgress after the Ack or Nak that follows
	return err
}

func (b *Bus) deadLetter(ctx context.Context, subscription string, msg jetstream.Msg, cause error, delivered int) error {
	dl := nats.NewMsg(messaging.DeadLetterSubject(subscription))
	dl.Data = msg.Data()
	dl.Header.Set("Edgo-Original-Subject", msg.Subject())
	dl.Header.Set("Edgo-Error", strings.ReplaceAll(cause.Error(), "\n", " ")) // a header is one line
	dl.Header.Set("Edgo-Deliveries", strconv.Itoa(delivered))
	ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	_, err := b.js.PublishMsg(ctx, dl)
	return err
}

// JetStream exposes the JetStream context, for tests and tools.
func (b *Bus) JetStream() jetstream.JetStream { return b.js }

// Conn exposes the NATS connection, for tests that simulate a crash by
// closing it without a drain.
func (b *Bus) Conn() *nats.Conn { return b.nc }

// Close stops the background set-up, then drains the connection: no new
// messages, in-flight handlers finish and ack, pending publishes are
// flushed. It returns once the connection is closed.
func (b *Bus) Close() error {
	b.once.Do(func() { close(b.stop) })
	err := b.nc.Drain()
	if errors.Is(err, nats.ErrConnectionClosed) {
		err = nil // closed before: nothing left to drain
	}
	select {
	case <-b.closed:
	case <-time.After(b.nc.Opts.DrainTimeout + time.Second):
		b.nc.Close()
	}
	return err
}
