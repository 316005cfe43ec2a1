import './Card.css';
import React from 'react';

export interface CardProps {
  children?: React.ReactNode;
}

export function Card(props: CardProps) {
  return <div className="card" />;
}
