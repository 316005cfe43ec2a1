module.exports = {
  helpers: {
    shout: (s) => s.toUpperCase() + '!',
  },
}
