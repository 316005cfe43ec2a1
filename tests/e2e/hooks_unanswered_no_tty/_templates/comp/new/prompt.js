// Hygen's question-array hook: questions answered on the command line are not asked.
module.exports = [
  { type: 'input', name: 'message', message: "What's your message?" },
  { type: 'select', name: 'style', message: 'Style?', choices: ['css', 'scss'] },
  { type: 'confirm', name: 'tests', message: 'With tests?' },
]
