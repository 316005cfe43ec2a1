import a from 'a';
// routes
router.get('/health');
router.get('/users');
export default router;
