// .hygen.js: a templates folder of its own, helpers merged into h, default variables.
const path = require('path')
module.exports = {
  templates: path.join(__dirname, 'gen-templates'),
  localsDefaults: { author: 'nobody', name: 'home' },
  helpers: {
    shout: (s) => String(s).toUpperCase() + '!',
    capitalize: (s) => 'custom:' + s,
  },
}
