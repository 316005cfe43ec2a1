import { router } from './{{ name | kebab_case }}';

test('{{ method }} /{{ name | kebab_case }}', () => {
  expect(router).toBeDefined();
});
