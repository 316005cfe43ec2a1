export const Button = () => null; // button buttons Buttons
