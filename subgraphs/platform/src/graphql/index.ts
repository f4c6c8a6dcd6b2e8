/** The GraphQL building blocks every subgraph shares: schema building, connections, money, scalars, payloads. */
export { buildSubgraphSchema, FEDERATION_VERSION, type EntityReference } from './build-subgraph-schema';
export {
  Connection,
  ConnectionArgs,
  PageInfo,
  pageRequest,
  readOrder,
  toConnection,
  encodeCursor,
  decodeCursor,
  MAX_PAGE_SIZE,
  DEFAULT_PAGE_SIZE,
  type PageRequest,
  type ConnectionShape,
} from './connection';
export { keysetAfter, rowsAfter, type KeyKind, type Keyset } from './keyset';
export { CurrencyCode, CURRENCY_EXPONENTS, isCurrencyCode } from './currency';
export { Money, MoneyInput, MoneyFormatError, parseMinorUnits, formatMinorUnits } from './money';
export { moneyInputToMinor } from './money-input';
export { DateTimeScalar, DecimalScalar } from './scalars';
export { SalesChannel } from './sales-channel';
export { UserError, UserErrorCode, UserErrorsException } from './user-error';
export { describeUserErrorCodes, USER_ERROR_CODE_ENUM, type UserErrorCodeValues } from './user-error-code';
export { validateInput } from './validate-input';
export { NotBlank } from './validators';
export { MutationPayload, toPayload } from './payload';
export { Address, AddressInput, Coordinates, addressFields } from './address';
export { createNodeInterface } from './node';
export { idTypeOf } from './global-ids';
