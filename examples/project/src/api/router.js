import express from 'express';

const router = express.Router();

// routes
router.get('/health', (req, res) => res.send('ok'));

export default router;
