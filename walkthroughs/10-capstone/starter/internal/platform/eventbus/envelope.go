// Package eventbus carries domain events between services over NATS JetStream:
// a CloudEvents 1.0 envelope, a publisher, and a consumer with idempotency,
// retries with back-off, and a dead-letter subject.
package eventbus

import (
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"time"
)

// SpecVersion is the CloudEvents version of every envelope we write.
const SpecVersion = "1.0"

// Envelope is a CloudEvents 1.0 event in structured JSON mode. The trace
// context does not live here: it travels in the NATS message headers
// (W3C traceparent), so brokers and tools can read it without parsing data.
type Envelope struct {
	SpecVersion     string          `json:"specversion"`
	ID              string          `json:"id"`
	Source          string          `json:"source"`
	Type            string          `json:"type"`
	Subject         string          `json:"subject,omitempty"`
	Time            time.Time       `json:"time"`
	DataContentType string          `json:"datacontenttype"`
	Data            json.RawMessage `json:"data"`
}

// Event is what an application asks to publish.
type Event struct {
	// Type is the CloudEvents type and also the NATS subject, e.g. "booking.requested".
	Type string
	// Subject is the entity the event is about (the booking id).
	Subject string
	// ID is optional: derived events pass a deterministic id so a retried
	// handler publishes the same event again, which JetStream then de-duplicates.
	ID   string
	Data any
}

// NewEnvelope wraps data in an envelope; source names the producing service.
func NewEnvelope(source string, e Event, now time.Time) (Envelope, error) {
	if e.Type == "" {
		return Envelope{}, errors.New("event type is required")
	}
	data, err := json.Marshal(e.Data)
	if err != nil {
		return Envelope{}, fmt.Errorf("encode %s data: %w", e.Type, err)
	}
	id := e.ID
	if id == "" {
		id = NewID()
	}
	return Envelope{
		SpecVersion:     SpecVersion,
		ID:              id,
		Source:          source,
		Type:            e.Type,
		Subject:         e.Subject,
		Time:            now.UTC(),
		DataContentType: "application/json",
		Data:            data,
	}, nil
}

// ParseEnvelope decodes and checks the required CloudEvents attributes.
func ParseEnvelope(b []byte) (Envelope, error) {
	var env Envelope
	if err := json.Unmarshal(b, &env); err != nil {
		return Envelope{}, fmt.Errorf("not a JSON CloudEvent: %w", err)
	}
	switch {
	case env.SpecVersion != SpecVersion:
		return Envelope{}, fmt.Errorf("unsupported specversion %q", env.SpecVersion)
	case env.ID == "":
		return Envelope{}, errors.New("event has no id")
	case env.Type == "":
		return Envelope{}, errors.New("event has no type")
	case env.Source == "":
		return Envelope{}, errors.New("event has no source")
	}
	return env, nil
}

// Decode unmarshals the event data into v.
func (e Envelope) Decode(v any) error {
	if err := json.Unmarshal(e.Data, v); err != nil {
		return fmt.Errorf("decode %s data: %w", e.Type, err)
	}
	return nil
}

// NewID returns a random 128-bit hex id.
func NewID() string {
	var b [16]byte
	_, _ = rand.Read(b[:])
	return hex.EncodeToString(b[:])
}
