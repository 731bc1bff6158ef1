// Package e2e runs Order and Inventory together over an embedded NATS
// JetStream server, in the test process: no broker to install.
package e2e

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/nats-io/nats-server/v2/server"

	invdomain "example.com/shop/inventory/domain"
	invstore "example.com/shop/inventory/infra/memstore"
	invconsumer "example.com/shop/inventory/interface/consumer"
	invusecase "example.com/shop/inventory/usecase"
	ordstore "example.com/shop/order/infra/memstore"
	ordconsumer "example.com/shop/order/interface/consumer"
	"example.com/shop/order/interface/httpapi"
	ordusecase "example.com/shop/order/usecase"
	"example.com/shop/platform/event"
	"example.com/shop/platform/messaging"
	"example.com/shop/platform/messaging/natsbus"
	"example.com/shop/platform/natstest"
	"example.com/shop/platform/outbox"
)

// shop is both services wired to one NATS server.
type shop struct {
	t         *testing.T
	ctx       context.Context
	srv       *server.Server
	orderAPI  *httptest.Server
	inventory *invstore.Store
	invRelay  *outbox.Relay
	calls     atomic.Int32 // order.created deliveries seen by Inventory
}

func connect(t *testing.T, url, name string) *natsbus.Bus {
	t.Helper()
	b, err := natsbus.Connect(natsbus.Config{
		URL:  url,
		Name: name,
		// Short waits so a redelivery after a crash happens within the test:
		// the server redelivers an unacked event after AckWait (2 × 500ms).
		Backoff:        []time.Duration{200 * time.Millisecond, 400 * time.Millisecond},
		MaxDeliver:     5,
		HandlerTimeout: 500 * time.Millisecond,
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = b.Close() })
	return b
}

// startShop starts both services' parts on an embedded NATS server.
func startShop(t *testing.T, stock invdomain.Stock) *shop {
	srv := natstest.Start(t)
	s := startShopOn(t, stock, func(name string) messaging.Bus { return connect(t, srv.ClientURL(), name) })
	s.srv = srv
	return s
}

// startShopOn starts Order (HTTP API, outbox relay, consumer) and Inventory's
// store and relay on buses from dial; Inventory's consumer is started by the test.
func startShopOn(t *testing.T, stock invdomain.Stock, dial func(name string) messaging.Bus) *shop {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	t.Cleanup(cancel)
	s := &shop{t: t, ctx: ctx}

	orderBus := dial("order")
	store := ordstore.New()
	orders := ordusecase.NewOrders(store, nil, nil)
	relay := outbox.NewRelay(store, orderBus, 50*time.Millisecond)
	go relay.Run(ctx)
	stop, err := ordconsumer.Start(ctx, orderBus, orders)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(stop)
	mux := http.NewServeMux()
	httpapi.Routes(mux, orders, relay.Wake)
	s.orderAPI = httptest.NewServer(mux)
	t.Cleanup(s.orderAPI.Close)

	s.inventory = invstore.New(stock)
	s.invRelay = outbox.NewRelay(s.inventory, dial("inventory-outbox"), 50*time.Millisecond)
	go s.invRelay.Run(ctx)
	return s
}

// startInventory subscribes Inventory on its own connection; after sees the
// real handler's result before the adapter does (to simulate crashes).
func (s *shop) startInventory(bus messaging.Subscriber, after func(error) error) {
	s.t.Helper()
	stop, err := invconsumer.Start(s.ctx, bus, invusecase.NewReservations(s.inventory), func(next messaging.Handler) messaging.Handler {
		return func(ctx context.Context, e event.Envelope) error {
			err := next(ctx, e)
			s.calls.Add(1)
			s.invRelay.Wake()
			if after != nil {
				err = after(err)
			}
			return err
		}
	})
	if err != nil {
		s.t.Fatal(err)
	}
	s.t.Cleanup(stop)
}

func (s *shop) postOrder(body string) httpapi.OrderView {
	s.t.Helper()
	res, err := http.Post(s.orderAPI.URL+"/orders", "application/json", strings.NewReader(body))
	if err != nil {
		s.t.Fatal(err)
	}
	defer res.Body.Close()
	var v httpapi.OrderView
	if err := json.NewDecoder(res.Body).Decode(&v); err != nil || res.StatusCode != http.StatusCreated {
		s.t.Fatalf("POST /orders: %d %v", res.StatusCode, err)
	}
	return v
}

func (s *shop) getOrder(id string) httpapi.OrderView {
	s.t.Helper()
	res, err := http.Get(s.orderAPI.URL + "/orders/" + id)
	if err != nil {
		s.t.Fatal(err)
	}
	defer res.Body.Close()
	var v httpapi.OrderView
	if err := json.NewDecoder(res.Body).Decode(&v); err != nil {
		s.t.Fatal(err)
	}
	return v
}

// received waits for ch to close, so a handler that is never called fails the
// test with what was expected instead of hanging until go test's -timeout.
func received(t *testing.T, ch <-chan struct{}, what string) {
	t.Helper()
	select {
	case <-ch:
	case <-time.After(15 * time.Second):
		t.Fatalf("timed out after 15s waiting for %s", what)
	}
}

// waitFor polls cond (a condition, not a fixed sleep) until the deadline.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(20 * time.Millisecond)
	}
}
