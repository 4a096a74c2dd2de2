export const API_DATA_SOURCE = Symbol('API_DATA_SOURCE');
export const API_KAFKA = Symbol('API_KAFKA');
export const API_MATCHING = Symbol('API_MATCHING');
export const API_STEWARD_OPTIONS = Symbol('API_STEWARD_OPTIONS');
