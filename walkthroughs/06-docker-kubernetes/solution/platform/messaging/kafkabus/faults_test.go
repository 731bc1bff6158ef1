package kafkabus_test

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/twmb/franz-go/pkg/kerr"
	"github.com/twmb/franz-go/pkg/kfake"
	"github.com/twmb/franz-go/pkg/kmsg"

	"example.com/shop/platform/event"
	"example.com/shop/platform/messaging"
)

// failProduces makes the cluster refuse every produce request while failing
// is set, and counts the refusals.
func failProduces(c *kfake.Cluster, failing *atomic.Bool, refused *atomic.Int32) {
	c.ControlKey(int16(kmsg.Produce), func(req kmsg.Request) (kmsg.Response, error, bool) {
		c.KeepControl()
		if !failing.Load() {
			return nil, nil, false
		}
		refused.Add(1)
		preq := req.(*kmsg.ProduceRequest)
		resp := preq.ResponseKind().(*kmsg.ProduceResponse)
		for _, t := range preq.Topics {
			rt := kmsg.NewProduceResponseTopic()
			rt.Topic, rt.TopicID = t.Topic, t.TopicID
			for _, p := range t.Partitions {
				rp := kmsg.NewProduceResponseTopicPartition()
				rp.Partition = p.Partition
				rp.ErrorCode = kerr.InvalidRecord.Code // not retried by the client
				rt.Partitions = append(rt.Partitions, rp)
			}
			resp.Topics = append(resp.Topics, rt)
		}
		return resp, nil, true
	})
}

// A record whose dead letter could not be produced is not committed: the
// next member of the group gets it again.
func TestFailedDeadLetterLeavesTheRecordUncommitted(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	c, err := kfake.NewCluster(kfake.NumBrokers(1), kfake.AllowAutoTopicCreation(), kfake.SeedTopics(1, "order.created", "dlq.inventory"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(c.Close)
	b := connect(t, c.ListenAddrs())
	e := publish(t, ctx, b, "o1")

	var failing atomic.Bool
	var refused atomic.Int32
	failing.Store(true) // from now on only dead letters are produced
	failProduces(c, &failing, &refused)
	sub := messaging.Subscription{Name: "inventory", EventTypes: []string{"order.created"}}
	stop, err := b.Subscribe(ctx, sub, func(context.Context, event.Envelope) error {
		return messaging.Permanent(errors.New("no such product"))
	})
	if err != nil {
		t.Fatal(err)
	}
	waitUntil(t, ctx, "a refused dead-letter produce", func() bool { return refused.Load() >= 1 })
	stop() // this member leaves while the dead letter is still not stored
	failing.Store(false)

	got := make(chan string, 10)
	stop, err = b.Subscribe(ctx, sub, func(_ context.Context, e event.Envelope) error { got <- e.ID; return nil })
	if err != nil {
		t.Fatal(err)
	}
	defer stop()
	if id := receive(t, ctx, got); id != e.ID {
		t.Fatalf("the next member got %s; want %s again (it was never safely handled)", id, e.ID)
	}
}

// A dead letter that failed once is produced again, and the record with it.
func TestDeadLetterProduceIsRetried(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	c, err := kfake.NewCluster(kfake.NumBrokers(1), kfake.AllowAutoTopicCreation(), kfake.SeedTopics(1, "order.created", "dlq.inventory"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(c.Close)
	b := connect(t, c.ListenAddrs())
	e := publish(t, ctx, b, "o1")

	var failing atomic.Bool
	var refused atomic.Int32
	failing.Store(true)
	failProduces(c, &failing, &refused)
	stop, err := b.Subscribe(ctx, messaging.Subscription{Name: "inventory", EventTypes: []string{"order.created"}},
		func(context.Context, event.Envelope) error {
			return messaging.Permanent(errors.New("no such product"))
		})
	if err != nil {
		t.Fatal(err)
	}
	defer stop()
	waitUntil(t, ctx, "a refused dead-letter produce", func() bool { return refused.Load() >= 1 })
	failing.Store(false) // the broker takes dead letters again

	dead, err := event.Parse(firstRecord(t, ctx, c.ListenAddrs(), "dlq.inventory").Value)
	if err != nil || dead.ID != e.ID {
		t.Fatalf("dead letter %+v: %v; want event %s", dead, err, e.ID)
	}
}

// A second member joins while the first is busy: the rebalance waits until
// the first member's handled records are committed, so the partition it gives
// away resumes after them, and no record is handled twice.
func TestRebalanceDoesNotHandleARecordTwice(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	c, err := kfake.NewCluster(kfake.NumBrokers(1), kfake.AllowAutoTopicCreation(), kfake.SeedTopics(2, "order.created"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(c.Close)
	b := connect(t, c.ListenAddrs())
	// The first member must still be busy when it learns of the rebalance at
	// its next heartbeat (every 3s by default): 60 records of 100ms each.
	const before, after = 60, 20
	for i := range before {
		publish(t, ctx, b, fmt.Sprintf("o%d", i)) // keys spread over both partitions
	}

	var mu sync.Mutex
	handled := map[string]int{} // event id -> times handled, by either member
	bySecond := 0
	total := func() (distinct, all, second int) {
		mu.Lock()
		defer mu.Unlock()
		for _, n := range handled {
			distinct, all = distinct+1, all+n
		}
		return distinct, all, bySecond
	}
	member := func(second bool) messaging.Handler {
		return func(_ context.Context, e event.Envelope) error {
			time.Sleep(100 * time.Millisecond)
			mu.Lock()
			defer mu.Unlock()
			handled[e.ID]++
			if second {
				bySecond++
			}
			return nil
		}
	}
	sub := messaging.Subscription{Name: "inventory", EventTypes: []string{"order.created"}}
	stop, err := b.Subscribe(ctx, sub, member(false))
	if err != nil {
		t.Fatal(err)
	}
	defer stop()
	waitUntil(t, ctx, "the first member to be busy", func() bool { d, _, _ := total(); return d >= 5 })

	second := connect(t, c.ListenAddrs()) // another instance of the service joins
	stop2, err := second.Subscribe(ctx, sub, member(true))
	if err != nil {
		t.Fatal(err)
	}
	defer stop2()
	for i := range after {
		publish(t, ctx, b, fmt.Sprintf("p%d", i)) // work for both members after the rebalance
	}
	waitUntil(t, ctx, "every record handled, some by the second member", func() bool {
		d, _, s := total()
		return d == before+after && s > 0
	})
	time.Sleep(300 * time.Millisecond) // room for a late second handling to show
	if d, all, _ := total(); all != d {
		mu.Lock()
		defer mu.Unlock()
		var twice []string
		for id, n := range handled {
			if n > 1 {
				twice = append(twice, id)
			}
		}
		t.Fatalf("%d handlings of %d records across the rebalance; want each once. Handled again: %v", all, d, twice)
	}
}

func waitUntil(t *testing.T, ctx context.Context, what string, cond func() bool) {
	t.Helper()
	for !cond() {
		select {
		case <-ctx.Done():
			t.Fatalf("timed out waiting for %s", what)
		case <-time.After(10 * time.Millisecond):
		}
	}
}
