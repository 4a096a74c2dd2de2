// Synthetic French customer data with ground truth (entity_id). Framework-free, deterministic, streaming.
export { generateRows, generateRowsWithStats } from './generate';
export type { GeneratorOptions, GenerationStats } from './generate';
export { GENERATED_COLUMNS, MULTI_VALUE_SEPARATOR } from './row';
export type { GeneratedRow } from './row';
export { csvField, csvLine, csvRecordLine } from './csv';
export { DEFAULT_ERROR_PROBABILITIES, SOURCE_NOISE, SOURCES as GENERATOR_SOURCES } from './noise';
export type { ErrorProbabilities } from './noise';
