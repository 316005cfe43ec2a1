a
// routes
b
