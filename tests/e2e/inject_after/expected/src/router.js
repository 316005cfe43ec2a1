import express from 'express';
const router = express.Router();
// routes
router.get('/users', users);
router.get('/health', health);
export default router;
