import a from "a"
// routes
const x = 1
export default x
