/** Settings from the environment, validated at start with a message per bad value. */
export { ConfigError, loadConfig, positiveInt } from './config';
export { loadSubgraphConfig, LOG_LEVELS, type SubgraphConfig } from './common';
export { AUTH_SPECS, authConfig, type AuthConfig } from './auth';
