// top users

// line 2 USER

import a from "a"
// routes
route('user')

const x = 1
// before export: User

export default x
// end Users

