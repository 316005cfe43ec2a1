x
aXb
y
