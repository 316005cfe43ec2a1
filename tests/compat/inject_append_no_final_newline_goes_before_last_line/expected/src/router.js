one
two
router.get('/users');
last