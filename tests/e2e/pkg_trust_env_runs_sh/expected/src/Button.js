export const Button = "from the package";
