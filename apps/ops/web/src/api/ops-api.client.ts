import { ApiError, networkErrorBody, toApiErrorBody } from './api-error';
import { CSRF_COOKIE, CSRF_HEADER, isMutation, readCookie } from './csrf-cookie';
import type { HoldActionKind } from '../actions/hold-actions';
import type {
  AssignableUser,
  ConsignmentStory,
  Dashboard,
  HoldPage,
  HoldSummary,
  User,
} from './ops-api.types';

/**
 * The console's only way to the ops API: same-origin cookies, the CSRF header on mutations, and one
 * place where an expired session sends the officer back to the login page.
 */
export class OpsApiClient {
  constructor(private readonly onUnauthorized: () => void) {}

  async login(username: string, password: string): Promise<User> {
    const { user } = await this.request<{ user: User }>(
      'POST',
      '/api/auth/login',
      { username, password },
      false,
    );
    return user;
  }

  async logout(): Promise<void> {
    await this.request<unknown>('POST', '/api/auth/logout', {}, false);
  }

  /** The signed-in user, or null when there is no session. */
  async me(): Promise<User | null> {
    try {
      const { user } = await this.request<{ user: User }>('GET', '/api/auth/me', undefined, false);
      return user;
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) {
        return null;
      }
      throw error;
    }
  }

  holds(query: string): Promise<HoldPage> {
    return this.request('GET', `/api/holds?${query}`);
  }

  consignment(consignmentId: string): Promise<ConsignmentStory> {
    return this.request('GET', `/api/consignments/${encodeURIComponent(consignmentId)}`);
  }

  dashboard(): Promise<Dashboard> {
    return this.request('GET', '/api/dashboard');
  }

  /** Officers a supervisor can assign holds to. */
  assignableUsers(): Promise<AssignableUser[]> {
    return this.request('GET', '/api/users/assignable');
  }

  holdAction(
    consignmentId: string,
    kind: HoldActionKind,
    body: Record<string, string>,
  ): Promise<HoldSummary> {
    return this.request('POST', `/api/holds/${encodeURIComponent(consignmentId)}/${kind}`, body);
  }

  private async request<T>(
    method: string,
    path: string,
    body?: unknown,
    redirectOnUnauthorized = true,
  ): Promise<T> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
    }
    if (isMutation(method)) {
      const token = readCookie(document.cookie, CSRF_COOKIE);
      if (token !== null) {
        headers[CSRF_HEADER] = token;
      }
    }
    let response: Response;
    try {
      response = await fetch(path, {
        method,
        headers,
        credentials: 'same-origin',
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch {
      throw new ApiError(networkErrorBody());
    }
    const text = await response.text();
    let payload: unknown;
    try {
      payload = text === '' ? null : JSON.parse(text);
    } catch {
      payload = text;
    }
    if (!response.ok) {
      if (response.status === 401 && redirectOnUnauthorized) {
        this.onUnauthorized();
      }
      throw new ApiError(toApiErrorBody(response.status, payload));
    }
    return payload as T;
  }
}
