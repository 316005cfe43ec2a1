module.exports = { params: () => ({ name: 'fromHook', flag: 'hook' }) }
