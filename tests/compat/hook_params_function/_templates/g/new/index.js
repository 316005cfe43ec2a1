module.exports = {
  params: ({ args, h }) => ({ component: h.changeCase.pascal(args.name), keys: Object.keys(args).sort().join(',') }),
}
