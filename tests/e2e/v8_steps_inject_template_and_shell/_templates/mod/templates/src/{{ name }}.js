export default "{{ name }}";
