package natsbus

import (
	"context"
	"fmt"

	"github.com/nats-io/nats.go/jetstream"

	"example.com/shop/platform/event"
	"example.com/shop/platform/messaging"
)

// handle settles one delivered message: it runs the handler and then acks
// (done), asks for a later redelivery (a failure a retry may fix), or copies
// the event to the dead letters and terminates it (a permanent failure, or the
// last of MaxDeliver tries). Ack comes only after the handler succeeded, so a
// crash in between means a redelivery, never a lost event.
func (b *Bus) handle(ctx context.Context, subscription string, msg jetstream.Msg, h messaging.Handler) {
	log := b.cfg.Logger.With("subject", msg.Subject(), "subscription", subscription)
	delivered := deliveries(msg)
	var err error
	if delivered > b.cfg.MaxDeliver {
		// An earlier delivery crashed the process or could not be
		// dead-lettered: the handler has had its MaxDeliver tries.
		err = messaging.Permanent(fmt.Errorf("delivered %d times, more than MaxDeliver %d", delivered, b.cfg.MaxDeliver))
	} else if e, parseErr := event.Parse(msg.Data()); parseErr != nil {
		err = messaging.Permanent(parseErr)
	} else if err = b.run(ctx, log, msg, h, e); err == nil {
		if ackErr := msg.Ack(); ackErr != nil {
			log.Warn("ack failed; the event will come again", "err", ackErr)
		}
		return
	}
	delay := b.retryDelay(delivered)
	if messaging.IsPermanent(err) || delivered >= b.cfg.MaxDeliver {
		log.Error("dead-lettering event", "delivered", delivered, "err", err)
		if dlErr := b.deadLetter(ctx, subscription, msg, err, delivered); dlErr != nil {
			// Term now would lose the event: ask for it again instead.
			log.Error("dead-letter publish failed; redelivering", "in", delay, "err", dlErr)
			_ = msg.NakWithDelay(delay)
			return
		}
		_ = msg.Term()
		return
	}
	log.Warn("handler failed; redelivering", "delivered", delivered, "in", delay, "err", err)
	_ = msg.NakWithDelay(delay)
}
