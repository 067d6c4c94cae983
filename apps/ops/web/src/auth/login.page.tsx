import { type FormEvent, type ReactNode, useEffect, useRef, useState } from 'react';
import { ApiError } from '../api/api-error';
import type { OpsApiClient } from '../api/ops-api.client';
import type { User } from '../api/ops-api.types';

function loginErrorText(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 401) {
      return 'The username or password is wrong.';
    }
    if (error.status === 429) {
      return 'Too many sign-in attempts. Wait a few minutes, then try again.';
    }
    return error.message;
  }
  return 'Sign-in failed. Try again.';
}

export function LoginPage(props: { api: OpsApiClient; onSignedIn: (user: User) => void }): ReactNode {
  const { api, onSignedIn } = props;
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const usernameRef = useRef<HTMLInputElement>(null);
  const errorRef = useRef<HTMLDivElement>(null);

  useEffect(() => usernameRef.current?.focus(), []);
  useEffect(() => {
    if (error) {
      errorRef.current?.focus();
    }
  }, [error]);

  const submit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    if (username.trim() === '' || password === '') {
      setError('Enter your username and password.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      onSignedIn(await api.login(username.trim(), password));
    } catch (caught) {
      setError(loginErrorText(caught));
      setPassword('');
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="login" id="main">
      <div className="login__panel">
        <p className="login__brand">
          <span aria-hidden="true">◆</span> Chokepoint
        </p>
        <h1>Sign in to the hold queue</h1>
        <p className="login__hint">
          For customs officers and supervisors. Sessions end after a period of inactivity.
        </p>
        {error && (
          <div className="alert alert--error" role="alert" tabIndex={-1} ref={errorRef}>
            {error}
          </div>
        )}
        <form onSubmit={(event) => void submit(event)} noValidate>
          <div className="field">
            <label htmlFor="login-username">Username</label>
            <input
              id="login-username"
              name="username"
              ref={usernameRef}
              autoComplete="username"
              value={username}
              onChange={(event) => setUsername(event.target.value)}
              required
            />
          </div>
          <div className="field">
            <label htmlFor="login-password">Password</label>
            <input
              id="login-password"
              name="password"
              type="password"
              autoComplete="current-password"
              value={password}
              onChange={(event) => setPassword(event.target.value)}
              required
            />
          </div>
          <button className="button button--primary button--wide" type="submit" disabled={busy}>
            {busy ? 'Signing in…' : 'Sign in'}
          </button>
        </form>
      </div>
    </main>
  );
}
