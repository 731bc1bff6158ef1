module example.com/edgo/events

go 1.26.0
