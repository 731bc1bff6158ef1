package events_test

import (
	"context"
	"encoding/json"
	"slices"
	"sync"
	"testing"

	"example.com/edgo/events"
)

// The write side: every order's events, in the order they happened, in one
// log (three orders interleaved, and a type the read model does not show).
func writeLog(t *testing.T) []events.Event {
	t.Helper()
	return []events.Event{
		event(t, "e1", "order.created", events.OrderCreated{OrderID: "o1", CustomerID: "c1", TotalCents: 4200, Currency: "EUR"}),
		event(t, "e2", "order.created", events.OrderCreated{OrderID: "o2", CustomerID: "c2", TotalCents: 1500, Currency: "EUR"}),
		event(t, "e3", "payment.captured", events.PaymentCaptured{OrderID: "o1", PaymentID: "p1", AmountCents: 4200}),
		event(t, "e4", "payment.captured", events.PaymentCaptured{OrderID: "o2", PaymentID: "p2", AmountCents: 1000}),
		event(t, "e5", "order.created", events.OrderCreated{OrderID: "o3", CustomerID: "c1", TotalCents: 999, Currency: "EUR"}),
		event(t, "e6", "order.gift-wrapped", map[string]string{"orderId": "o1"}),
		event(t, "e7", "order.shipped", events.OrderShipped{OrderID: "o1", TrackingID: "TRK-9"}),
		event(t, "e8", "payment.captured", events.PaymentCaptured{OrderID: "o3", PaymentID: "p3", AmountCents: 999}),
	}
}

// historyOf is one order's stream on the write side: its events, oldest first.
func historyOf(t *testing.T, log []events.Event, orderID string) []events.Event {
	t.Helper()
	var out []events.Event
	for _, e := range log {
		var p struct {
			OrderID string `json:"orderId"`
		}
		if err := json.Unmarshal(e.Data, &p); err != nil {
			t.Fatal(err)
		}
		if p.OrderID == orderID {
			out = append(out, e)
		}
	}
	return out
}

// assertAgree fails unless the query side answers for each order what the
// write side's fold (Replay over the order's stream) says.
func assertAgree(t *testing.T, when string, rm *events.ReadModel, log []events.Event) {
	t.Helper()
	for _, id := range []string{"o1", "o2", "o3"} {
		state, err := events.Replay(historyOf(t, log, id))
		if err != nil {
			t.Fatalf("Replay of %s: %v", id, err)
		}
		got, ok := rm.Order(id)
		if !ok {
			t.Errorf("%s, the read model does not know order %s: apply order.created to it", when, id)
			continue
		}
		read := events.OrderState{OrderID: got.OrderID, Status: got.Status, TotalCents: got.TotalCents, PaidCents: got.PaidCents, TrackingID: got.TrackingID}
		if read != state {
			t.Errorf("%s, the read side and the write side disagree on %s:\n  read model: %+v\n  Replay:     %+v", when, id, read, state)
		}
	}
}

func apply(t *testing.T, p *events.OrderProjection, es ...events.Event) {
	t.Helper()
	for _, e := range es {
		if err := p.Apply(context.Background(), e); err != nil {
			t.Fatalf("Apply(%s, %s): %v", e.ID, e.Type, err)
		}
	}
}

func idsOf(vs []events.OrderView) []string {
	ids := []string{}
	for _, v := range vs {
		ids = append(ids, v.OrderID)
	}
	return ids
}

func TestReadModelAgreesWithTheWriteSideAfterAReplay(t *testing.T) {
	log := writeLog(t)
	// A new read model (a new screen, or a lost one) is built by replaying the log from the start.
	rebuilt := events.NewReadModel()
	apply(t, events.NewOrderProjection(rebuilt), log...)
	assertAgree(t, "after a replay from the start into a new read model", rebuilt, log)

	// A live one follows the bus.
	bus := events.NewBus()
	live := events.NewReadModel()
	events.NewOrderProjection(live).SubscribeTo(bus)
	for _, e := range log {
		if err := bus.Publish(context.Background(), e); err != nil {
			t.Fatalf("Publish(%s, %s): %v", e.ID, e.Type, err)
		}
	}
	assertAgree(t, "after the events went through the bus", live, log)
	for _, c := range []string{"c1", "c2"} {
		if got, want := idsOf(live.OrdersOf(c)), idsOf(rebuilt.OrdersOf(c)); !slices.Equal(got, want) {
			t.Errorf("OrdersOf(%s): the live read model says %v, the rebuilt one %v", c, got, want)
		}
	}
}

func TestReadModelRedeliveryChangesNothing(t *testing.T) {
	log := writeLog(t)
	rm := events.NewReadModel()
	p := events.NewOrderProjection(rm)
	apply(t, p, log...)
	before, _ := rm.Order("o1")

	apply(t, p, log[2]) // the broker delivers payment.captured e3 again: same event id
	if after, _ := rm.Order("o1"); after != before {
		t.Errorf("payment.captured %s delivered a second time changed o1 from %+v to %+v: remember the ids of applied events and skip them", log[2].ID, before, after)
	}
	apply(t, p, log...) // a consumer that restarts from the start of the log
	assertAgree(t, "after every event was delivered twice", rm, log)
	if got := idsOf(rm.OrdersOf("c1")); !slices.Equal(got, []string{"o1", "o3"}) {
		t.Errorf("OrdersOf(c1) after redeliveries = %v, want [o1 o3]", got)
	}
}

func TestReadModelQueriesAnswerFromTheReadModelOnly(t *testing.T) {
	log := writeLog(t)
	rm := events.NewReadModel()
	p := events.NewOrderProjection(rm)
	apply(t, p, log...)

	if got := idsOf(rm.OrdersOf("c1")); !slices.Equal(got, []string{"o1", "o3"}) {
		t.Errorf("OrdersOf(c1) = %v, want [o1 o3] (c1's orders, by order id)", got)
	}
	if got := rm.OrdersOf("nobody"); got == nil || len(got) != 0 {
		t.Errorf("OrdersOf(nobody) = %#v, want an empty, non-nil slice", got)
	}
	if o2, _ := rm.Order("o2"); o2.Status != "created" || o2.PaidCents != 1000 || o2.CustomerID != "c2" {
		t.Errorf("o2 (1500 ordered, 1000 paid) = %+v, want status created, PaidCents 1000, CustomerID c2", o2)
	}

	// Eventual consistency: the write side has a new fact the projection has not applied yet.
	placed := event(t, "e9", "order.created", events.OrderCreated{OrderID: "o4", CustomerID: "c1", TotalCents: 500})
	log = append(log, placed)
	if state, _ := events.Replay(historyOf(t, log, "o4")); state.Status != "created" {
		t.Fatalf("the write side should know o4 at once, Replay says %+v", state)
	}
	if v, ok := rm.Order("o4"); ok {
		t.Errorf("the read model answered %+v for o4 before the projection applied its event: queries must read the read model only", v)
	}
	apply(t, p, placed)
	if got := idsOf(rm.OrdersOf("c1")); !slices.Equal(got, []string{"o1", "o3", "o4"}) {
		t.Errorf("OrdersOf(c1) once the projection caught up = %v, want [o1 o3 o4]", got)
	}

	broken := events.Event{ID: "e10", Type: "payment.captured", Data: json.RawMessage(`{"orderId": "o2", "amountCents": "lots"`)}
	if err := p.Apply(context.Background(), broken); err == nil {
		t.Errorf("Apply of a payload that does not decode: want an error, so the broker redelivers or dead-letters it")
	}
	if o2, _ := rm.Order("o2"); o2.PaidCents != 1000 {
		t.Errorf("a payload that does not decode changed o2: %+v", o2)
	}
}

// A broker delivers on many goroutines, redelivers, and queries arrive
// meanwhile. Run with -race (Check my work does).
func TestReadModelConcurrentDeliveriesAndQueries(t *testing.T) {
	log := writeLog(t)
	rm := events.NewReadModel()
	p := events.NewOrderProjection(rm)
	// Per order the events must arrive in order, as one stream: the creations first.
	apply(t, p, log[0], log[1], log[4])
	var wg sync.WaitGroup
	for round := 0; round < 4; round++ {
		for _, e := range []events.Event{log[2], log[3], log[7]} {
			wg.Add(2)
			go func() {
				defer wg.Done()
				if err := p.Apply(context.Background(), e); err != nil {
					t.Errorf("Apply(%s): %v", e.ID, err)
				}
			}()
			go func() {
				defer wg.Done()
				_ = rm.OrdersOf("c1")
				_, _ = rm.Order("o2")
			}()
		}
	}
	wg.Wait()
	apply(t, p, log[5], log[6])
	assertAgree(t, "after each payment was delivered 4 times at once", rm, log)
}
