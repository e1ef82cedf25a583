export const DATA_SOURCE = Symbol('DATA_SOURCE');
export const RATE_LIMIT_REDIS = Symbol('RATE_LIMIT_REDIS');
export const CLOCK = Symbol('CLOCK');
/** The environment a data map's variables are read from (a service's URL and shared secret): the process's own. */
export const SYSTEM_ENV = Symbol('SYSTEM_ENV');
