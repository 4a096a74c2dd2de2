export * from './read-topics';
export * from './observe';
