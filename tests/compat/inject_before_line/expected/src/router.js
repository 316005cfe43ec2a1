import a from 'a';
router.get('/users');
// routes
router.get('/health');
export default router;
