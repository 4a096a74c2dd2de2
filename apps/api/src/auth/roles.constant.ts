import { Role } from './decorators';

/** Who reads: everyone signed in (viewers masked) and systems. */
export const READERS: Role[] = ['viewer', 'steward', 'admin', 'system'];
/** Who acts on golden records, source records and tasks. */
export const STEWARDS: Role[] = ['steward', 'admin'];
