export const AUTHENTICATOR = Symbol('AUTHENTICATOR');
export const SOURCE_SCOPE = Symbol('SOURCE_SCOPE');
export const LOCAL_TOKENS = Symbol('LOCAL_TOKENS');
export const AUTH_DATA_SOURCE = Symbol('AUTH_DATA_SOURCE');
export const AUDIT_LOGGER = Symbol('AUDIT_LOGGER');
