import { Router } from 'express';
{% if withAuth %}import { requireAuth } from '../auth';
{% endif %}
export const router = Router();

router.{{ method | downcase }}('/{{ name | kebab_case }}'{% if withAuth %}, requireAuth{% endif %}, (req, res) => {
{% if withValidation %}  if (!req) return res.status(400).end();
{% endif %}  res.json({ ok: true });
});
