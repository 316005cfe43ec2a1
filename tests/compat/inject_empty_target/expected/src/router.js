router.get('/users');
