module.exports = { localsDefaults: { name: 'dflt', author: 'me', other: 'default' } }
