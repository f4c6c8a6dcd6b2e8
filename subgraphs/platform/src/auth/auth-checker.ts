import { GraphQLError } from 'graphql';
import type { AuthChecker } from 'type-graphql';
import type { RequestContext } from '../server/request-context';
import { ErrorCode } from '../runtime/errors';
import { Role } from './viewer';

/**
 * Enforces `@Authorized(roles)`: an anonymous caller is told to sign in (UNAUTHENTICATED), a
 * signed-in caller without one of the roles is refused (FORBIDDEN). `@Authorized()` with no
 * roles admits anyone signed in. Ownership (a customer reads only their own data) and location
 * scope are checked in services, with `requireCustomerAccess` and `requireLocationAccess`.
 */
export const roleAuthChecker: AuthChecker<RequestContext, Role> = ({ context }, roles) => {
  const { role } = context.viewer;
  if (roles.length === 0 ? role !== Role.ANONYMOUS : roles.includes(role)) return true;
  if (role === Role.ANONYMOUS) throw unauthenticated();
  throw forbidden(`This needs one of the roles ${roles.join(', ')}; the caller is ${role}`);
};

export function unauthenticated(message = 'Sign in to do this'): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.UNAUTHENTICATED } });
}

export function forbidden(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.FORBIDDEN } });
}
