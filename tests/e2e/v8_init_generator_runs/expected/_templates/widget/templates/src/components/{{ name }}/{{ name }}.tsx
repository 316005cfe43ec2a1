{% if styling == "styled-components" %}import styled from 'styled-components';
{% elsif styling == "scss" %}import './{{ name }}.scss';
{% else %}import './{{ name }}.css';
{% endif %}import React{% if type == "class" %}, { Component }{% endif %} from 'react';
{% if withProps %}
export interface {{ name }}Props {
  children?: React.ReactNode;
}
{% endif %}
{% if type == "class" %}export class {{ name }} extends Component{% if withProps %}<{{ name }}Props>{% endif %} {
  render() {
    return <div className="{{ name | kebab_case }}" />;
  }
}
{% else %}export function {{ name }}({% if withProps %}props: {{ name }}Props{% endif %}) {
  return <div className="{{ name | kebab_case }}" />;
}
{% endif %}