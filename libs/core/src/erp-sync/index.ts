export * from './erp-sync-policy';
export * from './erp-sync-decision';
