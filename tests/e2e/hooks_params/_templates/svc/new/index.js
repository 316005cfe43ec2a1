// A `params` hook: computes variables from the arguments, asks nothing.
const path = require('path')
const naming = require('./naming')
module.exports = {
  params: async ({ args, h }) => {
    const base = naming.base(args.name)
    return {
      name: base,
      file: path.join('services', h.changeCase.param(base) + '.js'),
      className: h.changeCase.pascal(base) + 'Service',
      port: (args.port || 8000) + 1,
    }
  },
}
