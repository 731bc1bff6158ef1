module example.com/edgo/ordering

go 1.26.0
