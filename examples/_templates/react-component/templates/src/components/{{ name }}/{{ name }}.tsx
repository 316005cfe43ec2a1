{% if style != "none" %}import './{{ name }}.{{ style }}';
{% endif %}
export interface {{ name }}Props {
{% for prop in props %}  {{ prop }}?: unknown;
{% endfor %}}

export function {{ name }}({% if props.size > 0 %}{ {{ props | join: ", " }} }: {{ name }}Props{% else %}_props: {{ name }}Props{% endif %}) {
  return <div className="{{ className }}" />;
}
