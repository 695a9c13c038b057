export * from './database';
export * from './client';
export * from './stack';
export * from './scenario';
export * from './throwaway-postgres';
