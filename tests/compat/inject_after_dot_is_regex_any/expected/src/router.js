x
aXb
router.get('/users');
y
