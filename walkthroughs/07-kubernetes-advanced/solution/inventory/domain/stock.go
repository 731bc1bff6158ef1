// Package domain holds the Inventory's stock. It imports nothing outward.
package domain

import (
	"errors"
	"fmt"
)

// Item is a quantity of one product.
type Item struct {
	SKU      string `json:"sku"`
	Quantity int    `json:"quantity"`
}

// ErrInsufficientStock is returned when a reservation cannot be met.
var ErrInsufficientStock = errors.New("insufficient stock")

// Stock is how many units of each product are available.
type Stock map[string]int

// Reserve takes all items or none.
func (s Stock) Reserve(items []Item) error {
	need := map[string]int{}
	for _, it := range items {
		if it.Quantity <= 0 {
			return fmt.Errorf("%w: quantity of %s must be positive", ErrInsufficientStock, it.SKU)
		}
		need[it.SKU] += it.Quantity
	}
	for sku, n := range need {
		if s[sku] < n {
			return fmt.Errorf("%w: %s has %d, %d wanted", ErrInsufficientStock, sku, s[sku], n)
		}
	}
	for sku, n := range need {
		s[sku] -= n
	}
	return nil
}
