import express from 'express';
const router = express.Router();
router.get('/users', users);
// routes
router.get('/health', health);
export default router;
