module.exports = {
  prompt: ({ prompter, args }) => {
    const questions = [{ type: 'input', name: 'title', message: 'Title?' }]
    return prompter
      .prompt(questions.filter((q) => args[q.name] === undefined))
      .then((answers) => ({ ...answers, title: (args.title || answers.title) + ' (checked)' }))
  },
}
// <%= title %>
