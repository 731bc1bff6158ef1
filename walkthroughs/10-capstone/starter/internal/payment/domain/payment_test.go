package domain

import "testing"

func TestPolicyDecides(t *testing.T) {
	p := Policy{LimitCents: 1000}
	cases := []struct {
		method string
		amount int64
		want   Outcome
	}{
		{"card_ok", 500, Authorized},
		{"card_declined", 500, Declined},
		{"card_ok", 1001, Declined},
	}
	for _, c := range cases {
		if got := p.Decide("p", "b", c.method, c.amount, "EUR"); got.Outcome != c.want {
			t.Errorf("%s %d: got %s, want %s", c.method, c.amount, got.Outcome, c.want)
		}
	}
}
