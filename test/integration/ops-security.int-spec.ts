import { randomUUID } from 'node:crypto';
import { Controller, Get, Module } from '@nestjs/common';
import type { Role } from '../../apps/ops/src/auth/roles';
import { type OpsHarness, type Session, startOps, TEST_PASSWORD } from './ops-harness';

/** A route whose author forgot @Roles/@Public: the global guard must close it. */
@Controller('api/it-undeclared')
class UndeclaredController {
  @Get()
  leak(): { secret: string } {
    return { secret: 'should never be served' };
  }
}

@Module({ controllers: [UndeclaredController] })
class UndeclaredModule {}

interface ErrorBody {
  statusCode: number;
  code: string;
  message: string;
  fieldErrors?: Array<{ field: string; code: string; message: string }>;
}

const ROLES: Role[] = ['viewer', 'officer', 'supervisor', 'admin'];
const RANK: Record<Role, number> = { viewer: 0, officer: 1, supervisor: 2, admin: 3 };

describe('ops API security (real HTTP, PostgreSQL, Kafka)', () => {
  let ops: OpsHarness;
  const sessions = {} as Record<Role, Session>;

  beforeAll(async () => {
    ops = await startOps({ extraModules: [UndeclaredModule] });
    for (const role of ROLES) {
      sessions[role] = await ops.login(ops.users[role]);
    }
  });

  afterAll(async () => {
    await ops.close();
  });

  describe('sessions', () => {
    it('signs in with httpOnly SameSite=Strict session cookie and a readable CSRF cookie', async () => {
      const response = await fetch(`${ops.baseUrl}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: ops.users.officer.username, password: TEST_PASSWORD }),
      });
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({
        user: {
          id: ops.users.officer.id,
          username: ops.users.officer.username,
          displayName: ops.users.officer.displayName,
          roles: ['officer'],
        },
      });
      const cookies = response.headers.getSetCookie();
      const session = cookies.find((cookie) => cookie.startsWith('cp_session='));
      const csrf = cookies.find((cookie) => cookie.startsWith('cp_csrf='));
      expect(session).toMatch(/HttpOnly/i);
      expect(session).toMatch(/SameSite=Strict/i);
      expect(session).toMatch(/Path=\//);
      expect(csrf).toMatch(/SameSite=Strict/i);
      expect(csrf).not.toMatch(/HttpOnly/i);
      // Only a hash of the session id is stored.
      const token = session?.split(';')[0]?.split('=')[1] ?? '';
      const stored: Array<{ id_hash: string }> = await ops.dataSource.query(
        `SELECT id_hash FROM ops_session WHERE user_id = $1`,
        [ops.users.officer.id],
      );
      expect(stored.length).toBeGreaterThan(0);
      expect(stored.map((row) => row.id_hash)).not.toContain(token);
    });

    it('answers me, then 401 after logout', async () => {
      const session = await ops.login(ops.users.viewer);
      const me = await ops.request<{ user: { username: string } }>('GET', '/api/auth/me', { session });
      expect(me.status).toBe(200);
      expect(me.body.user.username).toBe(ops.users.viewer.username);
      const logout = await ops.request('POST', '/api/auth/logout', { session });
      expect(logout.status).toBe(200);
      expect(logout.headers.getSetCookie().join(';')).toMatch(/cp_session=;/);
      const after = await ops.request<ErrorBody>('GET', '/api/auth/me', { session });
      expect(after.status).toBe(401);
      expect(after.body.code).toBe('auth.unauthenticated');
    });

    it('refuses a wrong password and an unknown user alike', async () => {
      const user = await ops.createUser('viewer', 'pw');
      for (const username of [user.username, `nobody-${ops.runId}`]) {
        const response = await ops.request<ErrorBody>('POST', '/api/auth/login', {
          body: { username, password: 'not the password at all' },
        });
        expect(response.status).toBe(401);
        expect(response.body).toEqual({
          statusCode: 401,
          code: 'auth.invalid_credentials',
          message: 'unknown username or wrong password',
        });
      }
    });

    it('expires a session after OPS_SESSION_HOURS', async () => {
      const session = await ops.login(ops.users.viewer);
      ops.clock.advanceHours(8.1);
      try {
        const response = await ops.request<ErrorBody>('GET', '/api/holds', { session });
        expect(response.status).toBe(401);
        expect(response.body.code).toBe('auth.session_expired');
      } finally {
        ops.clock.advanceHours(-8.1);
      }
      // The expired session was deleted: it stays invalid even with the clock back.
      expect((await ops.request('GET', '/api/holds', { session })).status).toBe(401);
    });

    it('requires a session for every API route but login', async () => {
      const response = await ops.request<ErrorBody>('GET', '/api/holds');
      expect(response.status).toBe(401);
      expect(response.body.code).toBe('auth.unauthenticated');
      expect((await ops.request('GET', '/health/live')).status).toBe(200);
    });
  });

  describe('CSRF double submit', () => {
    it.each([
      ['missing', null, 'auth.csrf_missing'],
      ['wrong', 'forged-token-value', 'auth.csrf_mismatch'],
    ])('refuses an unsafe request with a %s X-CSRF-Token', async (_name, csrf, code) => {
      const response = await ops.request<ErrorBody>('POST', `/api/holds/NOPE${ops.runId}/claim`, {
        session: sessions.officer,
        csrf,
      });
      expect(response.status).toBe(403);
      expect(response.body.code).toBe(code);
    });

    it("refuses another session's token even when cookie and header agree", async () => {
      const other = await ops.login(ops.users.officer);
      const sessionCookie = sessions.officer.cookie
        .split('; ')
        .find((cookie) => cookie.startsWith('cp_session='));
      const response = await ops.request<ErrorBody>('POST', `/api/holds/NOPE${ops.runId}/claim`, {
        session: { ...sessions.officer, cookie: `${sessionCookie}; cp_csrf=${other.csrf}`, csrf: other.csrf },
      });
      expect(response.status).toBe(403);
      expect(response.body.code).toBe('auth.csrf_mismatch');
    });

    it('lets a correct token through to the handler', async () => {
      const response = await ops.request<ErrorBody>('POST', `/api/holds/NOPE${ops.runId}/claim`, {
        session: sessions.officer,
      });
      expect(response.status).toBe(404);
      expect(response.body.code).toBe('hold.not_found');
    });
  });

  describe('login rate limiting', () => {
    it('answers 429 after 5 failures for a username and address, even with the right password', async () => {
      const user = await ops.createUser('viewer', 'limited');
      for (let attempt = 1; attempt <= 5; attempt += 1) {
        const response = await ops.request('POST', '/api/auth/login', {
          body: { username: user.username, password: `wrong guess ${attempt}` },
        });
        expect(response.status).toBe(401);
      }
      const blocked = await ops.request<ErrorBody>('POST', '/api/auth/login', {
        body: { username: user.username, password: TEST_PASSWORD },
      });
      expect(blocked.status).toBe(429);
      expect(blocked.body.code).toBe('auth.rate_limited');
      expect(Number(blocked.headers.get('retry-after'))).toBe(15 * 60);
      // Another user from the same address is not affected.
      expect(
        (
          await ops.request('POST', '/api/auth/login', {
            body: { username: ops.users.viewer.username, password: TEST_PASSWORD },
          })
        ).status,
      ).toBe(200);
      // After a quiet window the user can sign in again.
      ops.clock.advanceHours(0.3);
      try {
        const later = await ops.request('POST', '/api/auth/login', {
          body: { username: user.username.toUpperCase(), password: TEST_PASSWORD },
        });
        expect(later.status).toBe(200);
      } finally {
        ops.clock.advanceHours(-0.3);
      }
    });
  });

  describe('routes must declare access', () => {
    it.each(ROLES)('closes an undecorated route even to %s', async (role) => {
      const response = await ops.request<ErrorBody>('GET', '/api/it-undeclared', { session: sessions[role] });
      expect(response.status).toBe(403);
      expect(response.body.code).toBe('auth.route_not_declared');
      expect(response.text).not.toContain('should never be served');
    });
  });

  describe('role matrix', () => {
    const missing = `MISSING${randomUUID().slice(0, 8).toUpperCase()}`;
    const text = { text: 'checked with the carrier' };
    type Endpoint = {
      method: string;
      path: () => string;
      role: Role;
      body?: () => unknown;
      stream?: boolean;
    };
    const endpoints: Endpoint[] = [
      { method: 'GET', path: () => '/api/auth/me', role: 'viewer' },
      { method: 'GET', path: () => '/api/holds', role: 'viewer' },
      { method: 'GET', path: () => `/api/consignments/${missing}`, role: 'viewer' },
      { method: 'GET', path: () => '/api/dashboard', role: 'viewer' },
      { method: 'GET', path: () => '/api/events', role: 'viewer', stream: true },
      { method: 'POST', path: () => `/api/holds/${missing}/claim`, role: 'officer' },
      { method: 'POST', path: () => `/api/holds/${missing}/notes`, role: 'officer', body: () => text },
      { method: 'POST', path: () => `/api/holds/${missing}/request-info`, role: 'officer', body: () => text },
      {
        method: 'POST',
        path: () => `/api/holds/${missing}/info-received`,
        role: 'officer',
        body: () => text,
      },
      {
        method: 'POST',
        path: () => `/api/holds/${missing}/release`,
        role: 'officer',
        body: () => ({ reasonCode: 'FALSE_POSITIVE_MATCH', text: 'name differs' }),
      },
      {
        method: 'POST',
        path: () => `/api/holds/${missing}/refer-inspection`,
        role: 'officer',
        body: () => text,
      },
      {
        method: 'POST',
        path: () => `/api/holds/${missing}/assign`,
        role: 'supervisor',
        body: () => ({ userId: ops.users.officer.id }),
      },
      { method: 'POST', path: () => `/api/holds/${missing}/seizure`, role: 'supervisor', body: () => text },
      { method: 'GET', path: () => '/api/audit/verify', role: 'supervisor' },
      { method: 'GET', path: () => '/api/users/assignable', role: 'supervisor' },
      { method: 'GET', path: () => '/api/users', role: 'admin' },
      {
        method: 'POST',
        path: () => '/api/users',
        role: 'admin',
        body: () => ({
          username: `it-made-${randomUUID().slice(0, 8)}`,
          displayName: 'Made In Matrix',
          password: 'a long enough password',
          roles: ['viewer'],
        }),
      },
      { method: 'GET', path: () => '/api/service-tokens', role: 'admin' },
      {
        method: 'POST',
        path: () => '/api/service-tokens',
        role: 'admin',
        body: () => ({ name: `matrix-${randomUUID().slice(0, 8)}`, role: 'viewer' }),
      },
      { method: 'POST', path: () => `/api/service-tokens/${randomUUID()}/revoke`, role: 'admin' },
    ];
    const cases = endpoints.flatMap((endpoint) =>
      ROLES.map((role) => ({ ...endpoint, caller: role, allowed: RANK[role] >= RANK[endpoint.role] })),
    );

    async function call(endpoint: Endpoint, session?: Session): Promise<{ status: number; body: unknown }> {
      if (endpoint.stream) {
        const controller = new AbortController();
        const response = await fetch(`${ops.baseUrl}${endpoint.path()}`, {
          headers: session ? { cookie: session.cookie } : {},
          signal: controller.signal,
        });
        const body = response.status === 200 ? null : await response.json();
        controller.abort();
        return { status: response.status, body };
      }
      return ops.request(endpoint.method, endpoint.path(), { session, body: endpoint.body?.() });
    }

    it.each(
      cases.map(
        (entry) =>
          [entry.caller, entry.method, entry.path(), entry.allowed ? 'allowed' : 'denied', entry] as const,
      ),
    )('%s %s %s: %s', async (caller, _method, _path, _verdict, entry) => {
      const response = await call(entry, sessions[caller]);
      if (entry.allowed) {
        expect([401, 403]).not.toContain(response.status);
      } else {
        expect(response.status).toBe(403);
        expect((response.body as ErrorBody).code).toBe('auth.role_denied');
      }
    });

    it.each(endpoints.map((endpoint) => [endpoint.method, endpoint.path(), endpoint] as const))(
      'anonymous %s %s: 401',
      async (_method, _path, endpoint) => {
        const response = await call(endpoint);
        expect(response.status).toBe(401);
      },
    );
  });

  describe('service tokens', () => {
    it('authenticates machine clients by bearer token with the token role, no CSRF, until revoked', async () => {
      const created = await ops.request<{ id: string; token: string; role: string }>(
        'POST',
        '/api/service-tokens',
        {
          session: sessions.admin,
          body: { name: `it-bridge-${ops.runId}`, role: 'officer' },
        },
      );
      expect(created.status).toBe(201);
      const stored: Array<{ token_hash: string }> = await ops.dataSource.query(
        `SELECT token_hash FROM ops_service_token WHERE id = $1`,
        [created.body.id],
      );
      expect(stored[0]?.token_hash).not.toBe(created.body.token);
      const bearer = { authorization: `Bearer ${created.body.token}` };
      expect((await ops.request('GET', '/api/holds', { headers: bearer })).status).toBe(200);
      expect(
        (await ops.request('POST', `/api/holds/NOPE${ops.runId}/claim`, { headers: bearer })).status,
      ).toBe(404);
      const denied = await ops.request<ErrorBody>('GET', '/api/audit/verify', { headers: bearer });
      expect(denied.status).toBe(403);
      expect(denied.body.code).toBe('auth.role_denied');

      expect(
        (
          await ops.request('POST', `/api/service-tokens/${created.body.id}/revoke`, {
            session: sessions.admin,
          })
        ).status,
      ).toBe(200);
      const revoked = await ops.request<ErrorBody>('GET', '/api/holds', { headers: bearer });
      expect(revoked.status).toBe(401);
      expect(revoked.body.code).toBe('auth.invalid_service_token');
      expect(
        (
          await ops.request('GET', '/api/holds', {
            headers: { authorization: 'Bearer made-up-token-0123456789' },
          })
        ).status,
      ).toBe(401);
    });
  });

  describe('validation and headers', () => {
    it('reports every bad field of a request at once', async () => {
      const response = await ops.request<ErrorBody>('POST', '/api/users', {
        session: sessions.admin,
        body: { username: 'X', displayName: '', password: 'short', roles: ['root'], isAdmin: true },
      });
      expect(response.status).toBe(400);
      expect(response.body.code).toBe('request.invalid');
      const fields = new Set(response.body.fieldErrors?.map((error) => error.field));
      expect(fields).toEqual(new Set(['username', 'displayName', 'password', 'roles', 'isAdmin']));
      expect(response.body.fieldErrors?.find((error) => error.field === 'isAdmin')?.code).toBe(
        'unknownField',
      );
    });

    it('answers malformed JSON in the error shape', async () => {
      const response = await fetch(`${ops.baseUrl}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"username": ',
      });
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ statusCode: 400, code: 'request.invalid' });
    });

    it('refuses a taken username with 409', async () => {
      const response = await ops.request<ErrorBody>('POST', '/api/users', {
        session: sessions.admin,
        body: {
          username: ops.users.viewer.username.toUpperCase().toLowerCase(),
          displayName: 'Dup',
          password: 'a long enough password',
          roles: ['viewer'],
        },
      });
      expect(response.status).toBe(409);
      expect(response.body.code).toBe('users.username_taken');
    });

    it('sets security headers and never caches API answers', async () => {
      const response = await ops.request('GET', '/api/holds', { session: sessions.viewer });
      expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
      expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(response.headers.get('x-powered-by')).toBeNull();
    });

    it('publishes OpenAPI at /api/docs-json and the UI at /api/docs', async () => {
      const json = await ops.request<{ openapi: string; paths: Record<string, unknown> }>(
        'GET',
        '/api/docs-json',
      );
      expect(json.status).toBe(200);
      expect(json.body.openapi).toMatch(/^3\./);
      expect(Object.keys(json.body.paths)).toEqual(
        expect.arrayContaining([
          '/api/holds',
          '/api/holds/{id}/release',
          '/api/consignments/{id}',
          '/api/audit/verify',
        ]),
      );
      expect((await ops.request('GET', '/api/docs')).status).toBe(200);
    });

    it('answers an unknown API route with 404 in the error shape', async () => {
      const response = await ops.request<ErrorBody>('GET', '/api/nothing-here', { session: sessions.viewer });
      expect(response.status).toBe(404);
      expect(response.body.code).toBe('http.not_found');
    });
  });
});
