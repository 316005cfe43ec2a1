---
to: "{% if withStorybook %}src/components/{{ name }}/{{ name }}.stories.tsx{% endif %}"
---
import { {{ name }} } from './{{ name }}';

export default { title: '{{ name }}', component: {{ name }} };
export const Default = () => <{{ name }} />;
