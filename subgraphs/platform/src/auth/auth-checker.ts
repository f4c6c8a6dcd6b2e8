import type { AuthCheckerInterface, ResolverData } from 'type-graphql';
import type { RequestContext } from '../context/request-context';
import type { Role } from './viewer';

/**
 * Enforces `@Authorized(roles)`. Until tokens are issued (the identity service), the platform
 * runs with `enforce: false` and every operation is open; the decorators already say who may
 * call what, so turning enforcement on changes no resolver.
 */
export class RoleAuthChecker implements AuthCheckerInterface<RequestContext, Role> {
  constructor(private readonly enforce: boolean) {}

  check({ context }: ResolverData<RequestContext>, roles: Role[]): boolean {
    if (!this.enforce) return true;
    return roles.length === 0 ? context.viewer.role !== 'ANONYMOUS' : roles.includes(context.viewer.role);
  }
}
