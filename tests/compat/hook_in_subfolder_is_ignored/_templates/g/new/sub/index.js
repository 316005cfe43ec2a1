module.exports = { params: () => ({ who: 'sub' }) }
