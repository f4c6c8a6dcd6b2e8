/** Global ids (`gid://commerce/<Type>/<key>`): encoding, decoding, and the keys of composite ids. */
export { GLOBAL_ID_PREFIX, toGlobalId, parseGlobalId, keyOfId, inventoryLevelKey, type ParsedGlobalId } from './global-id';
