module.exports = [
  { type: 'input', name: 'title', message: 'Title?' },
  { type: 'confirm', name: 'ok', message: 'OK?' },
]
