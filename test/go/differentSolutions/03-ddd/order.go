package ordering

import (
	"errors"
	"fmt"
	"slices"
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

// Order is the aggregate root: every change goes through a method that keeps its rules.
type Order struct {
	id         OrderID
	customerID string
	currency   string
	shipTo     Address
	lines      []OrderLine
	status     Status
}

func NewOrder(id OrderID, customerID, currency string, shipTo Address) (*Order, error) {
	switch {
	case id == "" || customerID == "":
		return nil, fmt.Errorf("%w: id and customer are required", ErrInvalidOrder)
	case shipTo.IsZero():
		return nil, fmt.Errorf("%w: no shipping address: %w", ErrInvalidOrder, ErrInvalidAddress)
	}
	if _, err := NewMoney(0, currency); err != nil {
		return nil, fmt.Errorf("%w: %w", ErrInvalidOrder, err)
	}
	return &Order{id: id, customerID: customerID, currency: currency, shipTo: shipTo, status: StatusDraft}, nil
}

func (o *Order) ID() OrderID              { return o.id }
func (o *Order) CustomerID() string       { return o.customerID }
func (o *Order) Status() Status           { return o.status }
func (o *Order) ShippingAddress() Address { return o.shipTo }

// Lines returns a copy of the lines.
func (o *Order) Lines() []OrderLine { return slices.Clone(o.lines) }

// mustBeDraft is the rule every change of the lines shares.
func (o *Order) mustBeDraft(action string) error {
	if o.status != StatusDraft {
		return fmt.Errorf("%s: order %s is %s: %w", action, o.id, o.status, ErrNotDraft)
	}
	return nil
}

func (o *Order) AddLine(productID string, quantity int, unitPrice Money) error {
	if err := o.mustBeDraft("add line"); err != nil {
		return err
	}
	if productID == "" {
		return fmt.Errorf("%w: a line needs a product", ErrInvalidOrder)
	}
	if quantity <= 0 {
		return fmt.Errorf("%d of %s: %w", quantity, productID, ErrInvalidQuantity)
	}
	if unitPrice.Currency() != o.currency {
		return fmt.Errorf("price of %s in %s, order in %s: %w", productID, unitPrice.Currency(), o.currency, ErrCurrencyMismatch)
	}
	i := slices.IndexFunc(o.lines, func(l OrderLine) bool { return l.ProductID == productID })
	if i < 0 {
		o.lines = append(o.lines, OrderLine{ProductID: productID, Quantity: quantity, UnitPrice: unitPrice})
		return nil
	}
	if o.lines[i].UnitPrice != unitPrice {
		return fmt.Errorf("%w: %s is already on the order at %s", ErrInvalidOrder, productID, o.lines[i].UnitPrice)
	}
	o.lines[i].Quantity += quantity
	return nil
}

func (o *Order) RemoveLine(productID string) error {
	if err := o.mustBeDraft("remove line"); err != nil {
		return err
	}
	before := len(o.lines)
	o.lines = slices.DeleteFunc(o.lines, func(l OrderLine) bool { return l.ProductID == productID })
	if len(o.lines) == before {
		return fmt.Errorf("%w: no line for %s", ErrInvalidOrder, productID)
	}
	return nil
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

// Total adds up the lines in the order's currency.
func (o *Order) Total() Money {
	var cents int64
	for _, l := range o.lines {
		cents += l.UnitPrice.Times(l.Quantity).Amount()
	}
	return Money{amount: cents, currency: o.currency}
}

func (o *Order) Place() error {
	if err := o.mustBeDraft("place"); err != nil {
		return err
	}
	if len(o.lines) == 0 {
		return fmt.Errorf("place order %s: %w", o.id, ErrEmptyOrder)
	}
	o.status = StatusPlaced
	return nil
}

func (o *Order) Cancel() error {
	if o.status == StatusCancelled {
		return fmt.Errorf("cancel order %s: %w", o.id, ErrAlreadyCancelled)
	}
	o.status = StatusCancelled
	return nil
}
