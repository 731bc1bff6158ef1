module example.com/edgo/events

go 1.22
