import { render } from '@testing-library/react';
import { Card } from './Card';

test('renders Card', () => {
  render(<Card />);
});
