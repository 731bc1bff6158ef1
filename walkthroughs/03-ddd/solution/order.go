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
// its methods, which enforce the invariants:
//
//   - lines can be added or removed only while the order is a draft;
//   - every quantity is positive, and there is one line per product;
//   - every price is in the order's currency, so Total never mixes currencies;
//   - an order is placed only with at least one line, and only once;
//   - a cancelled order stays cancelled.
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
	if _, err := NewMoney(0, currency); err != nil {
		return nil, fmt.Errorf("%w: %w", ErrInvalidOrder, err)
	}
	if shipTo.IsZero() {
		return nil, fmt.Errorf("%w: %w: a shipping address is required", ErrInvalidOrder, ErrInvalidAddress)
	}
	return &Order{id: id, customerID: customerID, currency: currency, shipTo: shipTo, status: StatusDraft}, nil
}

func (o *Order) ID() OrderID              { return o.id }
func (o *Order) CustomerID() string       { return o.customerID }
func (o *Order) Status() Status           { return o.status }
func (o *Order) ShippingAddress() Address { return o.shipTo }

// Lines returns a copy: changing it does not change the order.
func (o *Order) Lines() []OrderLine {
	return append([]OrderLine(nil), o.lines...)
}

// AddLine adds quantity of a product, merging with an existing line for it.
func (o *Order) AddLine(productID string, quantity int, unitPrice Money) error {
	if o.status != StatusDraft {
		return fmt.Errorf("add line to %s order %s: %w", o.status, o.id, ErrNotDraft)
	}
	if productID == "" {
		return fmt.Errorf("%w: empty product id", ErrInvalidOrder)
	}
	if quantity <= 0 {
		return fmt.Errorf("add %d × %s: %w", quantity, productID, ErrInvalidQuantity)
	}
	if unitPrice.Currency() != o.currency {
		return fmt.Errorf("add %s priced in %q to a %s order: %w", productID, unitPrice.Currency(), o.currency, ErrCurrencyMismatch)
	}
	for i, l := range o.lines {
		if l.ProductID == productID {
			if l.UnitPrice != unitPrice {
				return fmt.Errorf("%w: %s already has price %s", ErrInvalidOrder, productID, l.UnitPrice)
			}
			o.lines[i].Quantity += quantity
			return nil
		}
	}
	o.lines = append(o.lines, OrderLine{ProductID: productID, Quantity: quantity, UnitPrice: unitPrice})
	return nil
}

// RemoveLine removes the line of a product from a draft order.
func (o *Order) RemoveLine(productID string) error {
	if o.status != StatusDraft {
		return fmt.Errorf("remove line from %s order %s: %w", o.status, o.id, ErrNotDraft)
	}
	for i, l := range o.lines {
		if l.ProductID == productID {
			o.lines = append(o.lines[:i:i], o.lines[i+1:]...)
			return nil
		}
	}
	return fmt.Errorf("%w: no line for %s", ErrInvalidOrder, productID)
}

// ChangeShippingAddress replaces the address while the order is not cancelled.
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
	total := Money{currency: o.currency}
	for _, l := range o.lines {
		// Cannot fail: AddLine admits only the order's currency.
		total, _ = total.Add(l.UnitPrice.Times(l.Quantity))
	}
	return total
}

// Place submits a draft order with at least one line.
func (o *Order) Place() error {
	if o.status != StatusDraft {
		return fmt.Errorf("place %s order %s: %w", o.status, o.id, ErrNotDraft)
	}
	if len(o.lines) == 0 {
		return fmt.Errorf("place order %s: %w", o.id, ErrEmptyOrder)
	}
	o.status = StatusPlaced
	return nil
}

// Cancel cancels a draft or placed order.
func (o *Order) Cancel() error {
	if o.status == StatusCancelled {
		return fmt.Errorf("cancel order %s: %w", o.id, ErrAlreadyCancelled)
	}
	o.status = StatusCancelled
	return nil
}
