---
to: "{% if withStory %}src/components/{{ name }}/{{ name }}.stories.tsx{% endif %}"
---
import { {{ name }} } from './{{ name }}';

export default { title: '{{ storyGroup }}/{{ name }}', component: {{ name }} };

export const Default = () => <{{ name }} />;
