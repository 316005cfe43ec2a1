module.exports = {
  prompt: ({ prompter, inquirer, args, h }) =>
    Promise.resolve({ greeting: 'hi ' + args.who, same: prompter === inquirer, cap: h.capitalize(args.who) }),
}
