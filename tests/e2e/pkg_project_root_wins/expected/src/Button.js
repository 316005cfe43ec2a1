export const Button = "from the project";
