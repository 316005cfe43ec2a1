a
router.get('/users');
$mount(app)
b
