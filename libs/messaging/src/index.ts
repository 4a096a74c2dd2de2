export * from './topics';
export * from './kafka-client';
export * from './batch-consumer';
export * from './consumer-lag';
