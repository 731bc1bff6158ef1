package eventbus

import (
	"context"
	"fmt"
	"time"

	"github.com/nats-io/nats.go/jetstream"
)

// DeadLetterPrefix is put in front of a subject when an event is dead-lettered:
// "booking.requested" becomes "deadletter.booking.requested".
const DeadLetterPrefix = "deadletter."

// Streams the system uses. Each bounded context owns the stream of the events it publishes.
var Streams = []jetstream.StreamConfig{
	{Name: "BOOKING", Subjects: []string{"booking.>"}},
	{Name: "PAYMENT", Subjects: []string{"payment.>"}},
	{Name: "DEADLETTER", Subjects: []string{DeadLetterPrefix + ">"}},
}

// EnsureStreams creates or updates the streams; every service calls it at
// start-up so the start order of services does not matter.
func EnsureStreams(ctx context.Context, js jetstream.JetStream) error {
	for _, cfg := range Streams {
		cfg.Storage = jetstream.FileStorage
		cfg.Retention = jetstream.LimitsPolicy
		cfg.MaxAge = 7 * 24 * time.Hour
		// Publishers set Nats-Msg-Id to the event id: within this window
		// JetStream drops a second publish of the same event.
		cfg.Duplicates = 2 * time.Minute
		if _, err := js.CreateOrUpdateStream(ctx, cfg); err != nil {
			return fmt.Errorf("stream %s: %w", cfg.Name, err)
		}
	}
	return nil
}
