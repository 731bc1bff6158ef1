package adapters

import (
	"context"
	"errors"
	"fmt"

	"example.com/capstone/internal/booking/app"
	"example.com/capstone/internal/booking/domain"
	"example.com/capstone/internal/contracts"
	"example.com/capstone/internal/platform/eventbus"
)

// PaymentResults is the booking service's consumer of payment outcomes.
var PaymentResults = eventbus.ConsumerConfig{
	Name:     "booking-payment-results",
	Stream:   "PAYMENT",
	Subjects: []string{contracts.PaymentAuthorized, contracts.PaymentDeclined},
}

// PaymentResultHandler turns payment events into use-case calls.
func PaymentResultHandler(svc *app.Service) eventbus.Handler {
	return func(ctx context.Context, env eventbus.Envelope) error {
		var err error
		switch env.Type {
		case contracts.PaymentAuthorized:
			var e contracts.PaymentAuthorizedV1
			if err := env.Decode(&e); err != nil {
				return eventbus.Permanent(err)
			}
			err = svc.PaymentAuthorized(ctx, env.ID, e)
		case contracts.PaymentDeclined:
			var e contracts.PaymentDeclinedV1
			if err := env.Decode(&e); err != nil {
				return eventbus.Permanent(err)
			}
			err = svc.PaymentDeclined(ctx, env.ID, e)
		default:
			return eventbus.Permanent(fmt.Errorf("unexpected event type %q", env.Type))
		}
		// Retrying cannot make an unknown booking appear or undo a final state.
		if errors.Is(err, domain.ErrNotFound) || errors.Is(err, domain.ErrIllegalTransition) {
			return eventbus.Permanent(err)
		}
		return err
	}
}
