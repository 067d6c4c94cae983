import { createContext, useContext } from 'react';
import type { OpsApiClient } from '../api/ops-api.client';
import type { User } from '../api/ops-api.types';
import type { Navigate } from './use-hash-route';

export interface Session {
  user: User;
  api: OpsApiClient;
  navigate: Navigate;
}

export const SessionContext = createContext<Session | null>(null);

/** The signed-in officer and the API; pages below the shell always have one. */
export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) {
    throw new Error('useSession outside a signed-in shell');
  }
  return session;
}
