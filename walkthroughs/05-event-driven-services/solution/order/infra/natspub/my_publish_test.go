package natspub_test

// The learner's own test (step own-test), as a learner might write it: the
// "own-test" check lays a publisher that does not wait for the ack, and one
// without Nats-Msg-Id, over publish.go and expects this file to fail on both.

import (
	"context"
	"testing"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"example.com/shop/order/infra/natspub"
	"example.com/shop/order/usecase"
	"example.com/shop/platform/natstest"
)

func myJetStream(t *testing.T) (jetstream.JetStream, context.Context) {
	t.Helper()
	nc, err := nats.Connect(natstest.Start(t).ClientURL())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(nc.Close)
	js, err := jetstream.New(nc)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	t.Cleanup(cancel)
	return js, ctx
}

func TestMyPublishIsAcknowledgedWithItsMessageID(t *testing.T) {
	js, ctx := myJetStream(t)
	if _, err := natspub.PublishOrderCreated(ctx, js, usecase.OrderCreated{OrderID: "o-1"}); err == nil {
		t.Fatal("no stream stores order.created, yet PublishOrderCreated returned nil")
	}
	stream, err := js.CreateStream(ctx, jetstream.StreamConfig{Name: "ORDERS", Subjects: []string{"order.>"}})
	if err != nil {
		t.Fatal(err)
	}
	e, err := natspub.PublishOrderCreated(ctx, js, usecase.OrderCreated{OrderID: "o-1"})
	if err != nil {
		t.Fatal(err)
	}
	msg, err := stream.GetLastMsgForSubject(ctx, usecase.TypeOrderCreated)
	if err != nil {
		t.Fatal(err)
	}
	if got := msg.Header.Get(jetstream.MsgIDHeader); got != e.ID {
		t.Fatalf("Nats-Msg-Id %q, want the event id %q", got, e.ID)
	}
}
