export const {{ name }} = true;
