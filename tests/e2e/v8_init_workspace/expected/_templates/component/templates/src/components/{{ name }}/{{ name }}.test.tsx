import { render } from '@testing-library/react';
import { {{ name }} } from './{{ name }}';

test('renders {{ name }}', () => {
  render(<{{ name }} />);
});
