export * from './publication';
export * from './golden-writer';
export * from './retire-golden-records';
export * from './stewardship/steward-context';
export * from './stewardship/override-value.usecase';
export * from './stewardship/unmerge.usecase';
export * from './stewardship/attach.usecase';
export * from './stewardship/erase.usecase';
