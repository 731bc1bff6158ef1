module example.com/edgo/ordering

go 1.22
