export * from './settings';
export * from './config-files';
