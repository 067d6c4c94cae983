import type { Role } from './roles';

/** Who is calling: a console user (session) or a machine client (service token). */
export type Principal =
  | {
      kind: 'USER';
      id: string;
      username: string;
      displayName: string;
      roles: Role[];
      sessionIdHash: string;
    }
  | { kind: 'SERVICE'; id: string; username: string; displayName: string; roles: Role[] };

export interface AuthenticatedRequest {
  principal?: Principal;
}
