// Users and their tokens over REST for admins (issue 16): the list, adding a user, revoking
// one, and issuing a further token, all through UserDirectory, the same code as
// `npm run server -- user ...`. A new token is in the answer to the request that made it and
// nowhere else: the server keeps only its hash. Every answer is counted (GET /health -> usersApi).
import { addUserBody, type RevokedAnswer, type UserListingView } from '../../shared/api/admin-api';
import { callerWithRole, countedHandler, fail, parsedBody } from '../http/json-route';
import { Counters } from '../http/request-guards';
import type { RouteContext, Router } from '../http/router';
import { UserDirectoryError, type UserDirectory } from './user-tokens';

export const MAX_USER_BODY_BYTES = 16 * 1024;

const admin = (ctx: RouteContext) => callerWithRole(ctx, ['admin']);

export function mountUsersRoute(router: Pick<Router, 'addRoute'>, users: UserDirectory): { counters: Counters } {
  const counters = new Counters();

  /** The user named in the path; 404 when there is none. */
  function userOf(ctx: RouteContext): UserListingView {
    const id = ctx.params['id'] ?? '';
    const user = users.list().find((u) => u.id === id);
    if (user === undefined) return fail(404, 'not_found', `No user ${id.slice(0, 64)}`, 'id');
    return { id: user.id, name: user.name, role: user.role, warehouseId: user.warehouseId, active: user.active, activeTokens: user.activeTokens };
  }

  router.addRoute({
    method: 'GET',
    path: '/api/users',
    handler: countedHandler(counters, (ctx) => {
      admin(ctx);
      const list: UserListingView[] = users
        .list()
        .map((u) => ({ id: u.id, name: u.name, role: u.role, warehouseId: u.warehouseId, active: u.active, activeTokens: u.activeTokens }));
      return { status: 200, body: { users: list }, count: 'listed' };
    }),
  });

  router.addRoute({
    method: 'POST',
    path: '/api/users',
    handler: countedHandler(counters, async (ctx) => {
      admin(ctx);
      const body = await parsedBody(ctx, addUserBody, MAX_USER_BODY_BYTES);
      try {
        const { user, token } = users.addUser({ name: body.name, role: body.role, warehouseId: body.warehouseId ?? null });
        return { status: 201, body: { userId: user.id, token }, count: 'added' };
      } catch (e) {
        if (e instanceof UserDirectoryError) return fail(422, 'validation_failed', `${e.field}: ${e.message}`, e.field);
        throw e;
      }
    }),
  });

  router.addRoute({
    method: 'POST',
    path: '/api/users/:id/revoke',
    handler: countedHandler(counters, (ctx) => {
      const caller = admin(ctx);
      const user = userOf(ctx);
      // Revoking oneself would lock the last admin out of this very view.
      if (user.id === caller.id) fail(409, 'own_user', 'You cannot revoke your own user; ask another admin', 'id');
      if (!user.active) fail(409, 'already_revoked', `${user.name} is already revoked; nothing changed`, 'id');
      users.revokeUser(user.id);
      return { status: 200, body: { revoked: true } satisfies RevokedAnswer, count: 'revoked' };
    }),
  });

  router.addRoute({
    method: 'POST',
    path: '/api/users/:id/token',
    handler: countedHandler(counters, (ctx) => {
      admin(ctx);
      const user = userOf(ctx);
      if (!user.active) fail(409, 'revoked', `${user.name} is revoked: add them again to give them a token`, 'id');
      return { status: 201, body: { userId: user.id, token: users.issueToken(user.id) }, count: 'token_issued' };
    }),
  });

  return { counters };
}
