package ordering

import (
	"errors"
	"fmt"
)

var (
	ErrInvalidOrder     = errors.New("invalid order")
	ErrInvalidQuantity  = errors.New("quantity must be positive")
	ErrEmptyOrder       = errors.New("an order needs at least one line")
	ErrNotDraft         = errors.New("order is no longer a draft")
	ErrAlreadyCancelled = errors.New("order is already cancelled")
)

type OrderID string

type Status string

const (
	StatusDraft     Status = "draft"
	StatusPlaced    Status = "placed"
	StatusCancelled Status = "cancelled"
)

// OrderLine is a value object inside the aggregate.
type OrderLine struct {
	ProductID string
	Quantity  int
	UnitPrice Money
}

// Order is the aggregate root of the Orders context. All changes go through
// its methods, which must enforce the invariants (see the TODOs).
//
// Fields are unexported so no caller can bypass the methods.
type Order struct {
	id         OrderID
	customerID string
	currency   string
	shipTo     Address
	lines      []OrderLine
	status     Status
}

// NewOrder starts a draft order.
func NewOrder(id OrderID, customerID, currency string, shipTo Address) (*Order, error) {
	if id == "" || customerID == "" {
		return nil, fmt.Errorf("%w: id and customer are required", ErrInvalidOrder)
	}
	// TODO(step "Hands-on: the Order aggregate"): reject an invalid currency (NewMoney
	// validates it) and a zero shipping address (shipTo.IsZero()).
	return &Order{id: id, customerID: customerID, currency: currency, shipTo: shipTo, status: StatusDraft}, nil
}

func (o *Order) ID() OrderID              { return o.id }
func (o *Order) CustomerID() string       { return o.customerID }
func (o *Order) Status() Status           { return o.status }
func (o *Order) ShippingAddress() Address { return o.shipTo }

// Lines returns the order's lines.
func (o *Order) Lines() []OrderLine {
	// TODO(step "Hands-on: the Order aggregate"): return a copy; the caller must not be
	// able to change the aggregate through this slice.
	return o.lines
}

// AddLine adds quantity of a product.
func (o *Order) AddLine(productID string, quantity int, unitPrice Money) error {
	// TODO(step "Hands-on: the Order aggregate"): enforce the invariants:
	//   - only a draft order accepts lines (ErrNotDraft);
	//   - the quantity is positive (ErrInvalidQuantity);
	//   - the price is in the order's currency (ErrCurrencyMismatch);
	//   - one line per product: adding a product again adds to its quantity.
	o.lines = append(o.lines, OrderLine{ProductID: productID, Quantity: quantity, UnitPrice: unitPrice})
	return nil
}

// RemoveLine removes the line of a product.
func (o *Order) RemoveLine(productID string) error {
	// TODO(step "Hands-on: the Order aggregate"): only while the order is a draft.
	for i, l := range o.lines {
		if l.ProductID == productID {
			o.lines = append(o.lines[:i:i], o.lines[i+1:]...)
			return nil
		}
	}
	return fmt.Errorf("%w: no line for %s", ErrInvalidOrder, productID)
}

func (o *Order) ChangeShippingAddress(a Address) error {
	if o.status == StatusCancelled {
		return fmt.Errorf("change address of order %s: %w", o.id, ErrAlreadyCancelled)
	}
	if a.IsZero() {
		return fmt.Errorf("%w: empty address", ErrInvalidAddress)
	}
	o.shipTo = a
	return nil
}

// Total is the sum of the lines, in the order's currency.
func (o *Order) Total() Money {
	// TODO(step "Hands-on: the Order aggregate"): add up UnitPrice.Times(Quantity) of
	// every line, starting from a zero Money in the order's currency.
	return Money{currency: o.currency}
}

// Place submits the order.
func (o *Order) Place() error {
	// TODO(step "Hands-on: the Order aggregate"): only a draft (ErrNotDraft) with at
	// least one line (ErrEmptyOrder) can be placed.
	o.status = StatusPlaced
	return nil
}

// Cancel cancels the order.
func (o *Order) Cancel() error {
	// TODO(step "Hands-on: the Order aggregate"): cancelling twice is ErrAlreadyCancelled.
	o.status = StatusCancelled
	return nil
}
