module.exports = { helpers: { capitalize: (s) => '[' + s + ']' } }
