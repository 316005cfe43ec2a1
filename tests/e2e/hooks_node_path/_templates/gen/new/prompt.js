// Needs Node: runs with the system node (the case is skipped without it).
const fs = require('fs')
module.exports = {
  prompt: async ({ prompter, args, h }) => {
    const pkg = JSON.parse(fs.readFileSync('package.json', 'utf8'))
    const answers = await prompter.prompt(
      [{ type: 'input', name: 'title', message: 'Title?' }].filter((q) => !args[q.name]))
    return { ...answers, pkgName: pkg.name, snake: h.changeCase.snake(pkg.name) }
  },
}
