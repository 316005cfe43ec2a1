line1
line2
last