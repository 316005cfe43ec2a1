---
to: "{% unless noTest %}src/components/{{ name | pascal_case }}/{{ name | pascal_case }}.test.tsx{% endunless %}"
---
{%- assign component = name | pascal_case -%}
import { render, screen } from '@testing-library/react';
import { {{ component }} } from './{{ component }}';

test('renders {{ component }}', () => {
  render(<{{ component }}>hello</{{ component }}>);
  expect(screen.getByTestId('{{ name | kebab_case }}')).toHaveTextContent('hello');
});
