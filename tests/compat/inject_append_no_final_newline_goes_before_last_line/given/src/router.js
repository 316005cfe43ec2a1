one
two
last