export * from './earn';
