a
// routes
router.get('/users');
b
