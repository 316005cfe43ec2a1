import a from 'a';
// routes
router.get('/users');
router.get('/health');
export default router;
