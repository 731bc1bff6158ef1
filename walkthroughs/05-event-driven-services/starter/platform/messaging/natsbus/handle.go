package natsbus

import (
	"context"

	"github.com/nats-io/nats.go/jetstream"

	"example.com/shop/platform/messaging"
)

// handle settles one delivered message: it runs the handler and then acks
// (done), asks for a later redelivery (a failure a retry may fix), or copies
// the event to the dead letters and terminates it (a permanent failure, or the
// last of MaxDeliver tries). Ack comes only after the handler succeeded, so a
// crash in between means a redelivery, never a lost event.
func (b *Bus) handle(ctx context.Context, subscription string, msg jetstream.Msg, h messaging.Handler) {
	// TODO(step consumer): write the consumer's decision. What you have:
	//   delivered := deliveries(msg)          this delivery's number, from 1
	//   e, err := event.Parse(msg.Data())     the envelope (an error: no retry can fix it)
	//   err = b.run(ctx, log, msg, h, e)      runs the handler with its deadline
	//   b.retryDelay(delivered)               the wait before the next try
	//   b.deadLetter(ctx, subscription, msg, err, delivered)   copies it to dlq.<subscription>
	//   b.cfg.MaxDeliver, b.cfg.Logger (log := b.cfg.Logger.With(...))
	//  1. Past b.cfg.MaxDeliver (delivered > MaxDeliver), do not run the
	//     handler again: treat it as messaging.Permanent(...).
	//  2. Parse and run the handler; msg.Ack() only when it returned nil.
	//  3. On messaging.IsPermanent(err), or on delivery MaxDeliver: dead-letter
	//     it, then msg.Term(). If b.deadLetter fails, Term would lose the
	//     event: msg.NakWithDelay(b.retryDelay(delivered)) instead.
	//  4. Any other failure: msg.NakWithDelay(b.retryDelay(delivered)).
	_, _, _, _ = ctx, subscription, msg, h
}
