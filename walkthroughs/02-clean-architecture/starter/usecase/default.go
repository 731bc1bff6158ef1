package usecase

import (
	"time"

	"example.com/edgo/orders/domain"
	"example.com/edgo/orders/infra/memory"
)

// NewDefaultOrderService is a shortcut carried over from the single-package
// service of module 1: the use-case layer builds its own storage.
//
// TODO(step "Fix the dependency rule"): this import of infra/memory points
// outward and breaks the dependency rule (the "layers" check fails on it).
// Delete this file: the composition root (cmd/ordersd) already passes a
// repository into NewOrderService.
func NewDefaultOrderService() *OrderService {
	return NewOrderService(memory.NewOrderRepository(), func() domain.OrderID { return "order-1" }, time.Now)
}
