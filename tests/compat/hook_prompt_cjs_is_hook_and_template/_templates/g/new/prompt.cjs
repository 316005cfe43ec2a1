/* ---
---
to: from-prompt-cjs.txt
---
*/
module.exports = { params: () => ({ who: 'prompt.cjs' }) }
// rendered <%= who %>
