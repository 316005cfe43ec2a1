---
to: src/components/{{ name | pascal_case }}/{{ name | pascal_case }}.stories.tsx
---
{%- assign component = name | pascal_case -%}
import type { Meta, StoryObj } from '@storybook/react';
import { {{ component }} } from './{{ component }}';

const meta: Meta<typeof {{ component }}> = { title: 'Components/{{ component }}', component: {{ component }} };
export default meta;

export const Default: StoryObj<typeof {{ component }}> = { args: { children: '{{ component }}' } };
