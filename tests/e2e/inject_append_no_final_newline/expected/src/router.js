line1
line2
router.get('/users', users);
last