export const DATA_SOURCE = Symbol('DATA_SOURCE');
export const RATE_LIMIT_REDIS = Symbol('RATE_LIMIT_REDIS');
export const CLOCK = Symbol('CLOCK');
