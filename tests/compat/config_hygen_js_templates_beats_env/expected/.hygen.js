module.exports = { templates: 'gens' }
