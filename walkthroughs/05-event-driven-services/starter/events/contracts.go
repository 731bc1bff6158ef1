// Package events is the module's event contracts, the YAML files beside this
// file, for the Go code: Validate checks a payload against the JSON Schema under
// its event's `payload:`. The YAML is embedded, so the services read the very
// schema the extension validates and the catalog shows: there is no second copy
// that could drift from it.
package events

import (
	"bytes"
	"context"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"sync"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"go.yaml.in/yaml/v3"

	"example.com/shop/platform/event"
	"example.com/shop/platform/messaging"
)

//go:embed *.yaml
var contracts embed.FS

// One compiled schema per event type, loaded on first use: a broken contract
// of one event type does not stop the others from being checked.
var (
	mu       sync.Mutex
	compiled = map[string]*jsonschema.Schema{}
)

// File is the contract file of an event type, as the course lays them out.
func File(eventType string) string { return "events/" + eventType + ".yaml" }

// Schema returns the compiled payload schema of an event type.
func Schema(eventType string) (*jsonschema.Schema, error) {
	mu.Lock()
	defer mu.Unlock()
	if s, ok := compiled[eventType]; ok {
		return s, nil
	}
	text, err := contracts.ReadFile(eventType + ".yaml")
	if err != nil {
		return nil, fmt.Errorf("no contract for %s: write %s", eventType, File(eventType))
	}
	var contract struct {
		Name    string         `yaml:"name"`
		Payload map[string]any `yaml:"payload"`
	}
	if err := yaml.Unmarshal(text, &contract); err != nil {
		return nil, fmt.Errorf("%s: %w", File(eventType), err)
	}
	if contract.Name != eventType || contract.Payload == nil {
		return nil, fmt.Errorf("%s: want name: %s and a payload: schema", File(eventType), eventType)
	}
	// YAML to JSON and back through the library's reader, so numbers are the
	// json.Number values the compiler expects.
	raw, err := json.Marshal(contract.Payload)
	if err != nil {
		return nil, fmt.Errorf("%s: payload: %w", File(eventType), err)
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(raw))
	if err != nil {
		return nil, fmt.Errorf("%s: payload: %w", File(eventType), err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat() // format: uuid and date-time are rules, not comments
	url := "file:///" + File(eventType)
	if err := c.AddResource(url, doc); err != nil {
		return nil, fmt.Errorf("%s: %w", File(eventType), err)
	}
	s, err := c.Compile(url)
	if err != nil {
		return nil, fmt.Errorf("%s: payload is not a valid JSON Schema: %w", File(eventType), err)
	}
	compiled[eventType] = s
	return s, nil
}

// Validate checks data, an event's JSON payload, against its type's schema.
// The error is one line: it travels in a dead letter's header.
func Validate(eventType string, data []byte) error {
	s, err := Schema(eventType)
	if err != nil {
		return err
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		return fmt.Errorf("%s payload is not JSON: %w", eventType, err)
	}
	if err := s.Validate(doc); err != nil {
		var ve *jsonschema.ValidationError
		if errors.As(err, &ve) {
			return fmt.Errorf("%s payload breaks %s: %s", eventType, File(eventType), oneLine(ve))
		}
		return fmt.Errorf("%s payload breaks %s: %w", eventType, File(eventType), err)
	}
	return nil
}

// oneLine keeps the failed rules of the library's message, one after the
// other: "at '/items/0/quantity': minimum: got 0, want 1".
func oneLine(ve *jsonschema.ValidationError) string {
	var rules []string
	for _, line := range strings.Split(ve.Error(), "\n")[1:] {
		if rule := strings.TrimPrefix(strings.TrimSpace(line), "- "); rule != "" {
			rules = append(rules, rule)
		}
	}
	if len(rules) == 0 {
		return strings.ReplaceAll(ve.Error(), "\n", " ")
	}
	return strings.Join(rules, "; ")
}

// Validating checks each event's payload before h sees it. A payload that
// breaks its contract is a permanent error: no retry can fix it, so the
// adapter dead-letters it at once, with the schema's message.
func Validating(h messaging.Handler) messaging.Handler {
	return func(ctx context.Context, e event.Envelope) error {
		if err := Validate(e.Type, e.Data); err != nil {
			return messaging.Permanent(err)
		}
		return h(ctx, e)
	}
}
