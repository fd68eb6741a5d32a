// /v1/users/me: the bot behind the token, with its workspace's upload limit.
import { botUserJson } from '../bots';
import type { Router } from '../router';

export function userRoutes(router: Router): void {
  router.add('GET', '/v1/users/me', (ctx) => botUserJson(ctx.bot));
}
