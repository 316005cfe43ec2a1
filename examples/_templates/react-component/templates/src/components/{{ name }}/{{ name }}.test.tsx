---
to: "{% if withTests %}src/components/{{ name }}/{{ name }}.test.tsx{% endif %}"
---
import { render } from '@testing-library/react';
import { {{ name }} } from './{{ name }}';

test('renders {{ name }}', () => {
  render(<{{ name }} />);
});
