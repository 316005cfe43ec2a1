---
to: src/components/{{ name | pascal_case }}/{{ name | pascal_case }}.tsx
---
{%- assign component = name | pascal_case -%}
import React from 'react';
{% if withStyles %}import styles from './{{ component }}.module.css';
{% endif %}
export interface {{ component }}Props {
  children?: React.ReactNode;
}

export function {{ component }}({ children }: {{ component }}Props) {
  return <div{% if withStyles %} className={styles.root}{% endif %} data-testid="{{ name | kebab_case }}">{children}</div>;
}
