// exports
export * from './auth';
