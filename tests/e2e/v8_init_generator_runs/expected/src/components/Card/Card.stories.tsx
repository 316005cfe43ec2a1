import { Card } from './Card';

export default { title: 'Card', component: Card };
export const Default = () => <Card />;
