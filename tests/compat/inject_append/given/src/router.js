import a from 'a';
// routes
router.get('/health');
export default router;
