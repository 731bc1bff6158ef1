module example.com/edgo/orders

go 1.26.0
