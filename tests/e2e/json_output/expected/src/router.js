import express from 'express';
const router = express.Router();
// routes
// users
router.get('/health', health);
export default router;
