export * from './metrics';
export * from './failpoints';
