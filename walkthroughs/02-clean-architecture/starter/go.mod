module example.com/edgo/orders

go 1.22
