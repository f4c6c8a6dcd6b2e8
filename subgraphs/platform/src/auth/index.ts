/** Who is calling and what they may do: tokens, roles, ownership and location scope, the gateway secret. */
export { Role, STAFF_ROLES, MANAGER_ROLES, ANONYMOUS_VIEWER, type Viewer } from './viewer';
export { roleAuthChecker, forbidden, unauthenticated } from './auth-checker';
export { isStaff, canAccessCustomer, requireCustomerAccess, requireLocationAccess, canActAtLocation, callerScope } from './access';
export { ServiceCredentials } from './service-credentials';
export { TokenVerifier, signToken, InvalidTokenError, type ExternalTokenSettings, type TokenVerifierOptions } from './token';
export { GATEWAY_SECRET_HEADER, requireGatewaySecret, secretMatches } from './gateway-secret';
