module.exports = { params: () => ({ who: 'index.js' }) }
