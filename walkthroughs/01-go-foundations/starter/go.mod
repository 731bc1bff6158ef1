module example.com/edgo/users

go 1.26.0
