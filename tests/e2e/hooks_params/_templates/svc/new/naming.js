module.exports = { base: (n) => String(n || 'default').replace(/Service$/, '') }
