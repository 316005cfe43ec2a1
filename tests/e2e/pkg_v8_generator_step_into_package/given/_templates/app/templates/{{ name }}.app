app {{ name }}
