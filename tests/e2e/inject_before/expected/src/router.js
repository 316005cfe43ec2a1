import express from 'express';
const router = express.Router();
// routes
router.get('/health', health);
router.get('/users', users);
export default router;
