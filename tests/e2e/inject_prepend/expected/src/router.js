// header

import express from 'express';
const router = express.Router();
// routes
router.get('/health', health);
export default router;
