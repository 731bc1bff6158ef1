package event

import (
	"strings"
	"testing"
)

func TestEnvelopeRoundTrip(t *testing.T) {
	e, err := New("order.created", "/order", "o-1", map[string]int{"total": 3})
	if err != nil {
		t.Fatal(err)
	}
	b, err := e.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	for _, key := range []string{`"specversion":"1.0"`, `"type":"order.created"`, `"source":"/order"`, `"data":{"total":3}`} {
		if !strings.Contains(string(b), key) {
			t.Errorf("wire form %s lacks %s", b, key)
		}
	}
	got, err := Parse(b)
	if err != nil {
		t.Fatal(err)
	}
	var data struct{ Total int }
	if err := got.Decode(&data); err != nil || data.Total != 3 || got.ID != e.ID {
		t.Fatalf("round trip: %+v %v", got, err)
	}
}

func TestParseRejectsMissingAttributes(t *testing.T) {
	_, err := Parse([]byte(`{"specversion":"1.0","type":"x"}`))
	if err == nil || !strings.Contains(err.Error(), `"id"`) || !strings.Contains(err.Error(), `"source"`) {
		t.Fatalf("want missing id and source, got %v", err)
	}
}
