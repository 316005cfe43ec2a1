module.exports = {
  helpers: (args) => ({ seen: Object.keys(args).filter((k) => k !== '_').sort().join(',') + ' name:' + ('name' in args) }),
}
