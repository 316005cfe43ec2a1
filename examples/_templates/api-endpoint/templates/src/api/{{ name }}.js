{% if auth %}import { requireRole } from '../auth.js';

{% endif %}export default {% if auth %}requireRole('{{ role }}', {% endif %}function {{ handler }}(req, res) {
  res.json({ endpoint: '{{ name }}', method: '{{ method | upcase }}' });
}{% if auth %});{% endif %}
