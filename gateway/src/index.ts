export * from './server';
export * from './auth';
export * from './context';
export * from './limits';
export * from './supergraph';
