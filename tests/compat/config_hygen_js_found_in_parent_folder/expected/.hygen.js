module.exports = { templates: __dirname + '/_templates', helpers: { up: () => 'from parent' } }
