// name
export const MyButton = 1;
