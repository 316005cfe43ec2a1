export default "auth";
