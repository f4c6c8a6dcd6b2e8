import type { AuthChecker } from 'type-graphql';
import type { RequestContext } from '../context/request-context';
import { Role } from './viewer';

/**
 * Enforces `@Authorized(roles)`. Until tokens are issued (the identity service), the platform
 * runs with `enforce: false` and every operation is open; the decorators already say who may
 * call what, so turning enforcement on changes no resolver.
 */
export function roleAuthChecker(enforce: boolean): AuthChecker<RequestContext, Role> {
  return ({ context }, roles) => {
    if (!enforce) return true;
    return roles.length === 0 ? context.viewer.role !== Role.ANONYMOUS : roles.includes(context.viewer.role);
  };
}
