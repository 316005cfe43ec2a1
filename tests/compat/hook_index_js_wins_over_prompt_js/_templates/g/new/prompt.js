module.exports = { params: () => ({ who: 'prompt.js' }) }
