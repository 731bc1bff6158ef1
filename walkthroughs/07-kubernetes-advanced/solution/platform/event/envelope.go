// Package event defines the envelope every service puts on the wire.
//
// The fields follow CloudEvents 1.0 in "structured mode": the whole event,
// metadata and data, is one JSON document. Any CloudEvents SDK can read it.
package event

import (
	"crypto/rand"
	"encoding/json"
	"errors"
	"fmt"
	"time"
)

// SpecVersion is the CloudEvents version the envelope follows.
const SpecVersion = "1.0"

// Envelope is a CloudEvents-style event: metadata plus JSON data.
type Envelope struct {
	SpecVersion     string          `json:"specversion"`
	ID              string          `json:"id"`
	Type            string          `json:"type"`
	Source          string          `json:"source"`
	Time            time.Time       `json:"time"`
	Subject         string          `json:"subject,omitempty"`
	DataContentType string          `json:"datacontenttype,omitempty"`
	Data            json.RawMessage `json:"data"`
}

// New wraps data in an envelope with a fresh id and the current time.
func New(typ, source, subject string, data any) (Envelope, error) {
	raw, err := json.Marshal(data)
	if err != nil {
		return Envelope{}, fmt.Errorf("encode %s data: %w", typ, err)
	}
	return Envelope{
		SpecVersion:     SpecVersion,
		ID:              NewID(),
		Type:            typ,
		Source:          source,
		Time:            time.Now().UTC(),
		Subject:         subject,
		DataContentType: "application/json",
		Data:            raw,
	}, nil
}

// Decode unmarshals the event's data into v.
func (e Envelope) Decode(v any) error {
	if err := json.Unmarshal(e.Data, v); err != nil {
		return fmt.Errorf("decode %s data: %w", e.Type, err)
	}
	return nil
}

// Marshal encodes the envelope as JSON.
func (e Envelope) Marshal() ([]byte, error) { return json.Marshal(e) }

// Parse decodes an envelope and checks the required CloudEvents attributes.
func Parse(b []byte) (Envelope, error) {
	var e Envelope
	if err := json.Unmarshal(b, &e); err != nil {
		return Envelope{}, fmt.Errorf("not an event envelope: %w", err)
	}
	var missing []error
	for name, v := range map[string]string{"specversion": e.SpecVersion, "id": e.ID, "type": e.Type, "source": e.Source} {
		if v == "" {
			missing = append(missing, fmt.Errorf("missing %q", name))
		}
	}
	if err := errors.Join(missing...); err != nil {
		return Envelope{}, fmt.Errorf("invalid envelope: %w", err)
	}
	return e, nil
}

// NewID returns a random UUID (version 4).
func NewID() string {
	var b [16]byte
	_, _ = rand.Read(b[:])
	b[6] = (b[6] & 0x0f) | 0x40
	b[8] = (b[8] & 0x3f) | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:16])
}
