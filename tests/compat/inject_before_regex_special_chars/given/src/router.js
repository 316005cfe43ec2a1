a
$mount(app)
b
