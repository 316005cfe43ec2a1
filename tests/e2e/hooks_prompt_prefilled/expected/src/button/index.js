// hello there (scss, tests: 0)
export const Button = () => 'hello there'
