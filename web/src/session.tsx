// Who is logged in. The token lives in sessionStorage (api/client.ts); at start-up GET /api/v1/me says whose it
// is. A 401 on any authenticated request ends the session and sends to the login screen, to come back after.
import { createContext, type ComponentChildren } from 'preact';
import { useContext, useEffect, useMemo, useState } from 'preact/hooks';
import { NetworkError, currentToken, setUnauthorizedHandler, type RequestFailure } from './api/client';
import { fetchMe, logOut } from './api/session';
import type { Account } from './api/types';
import { href, navigate, parseHash } from './router';

export interface Session {
  account: Account | null;
  // False until the stored token, if any, has been checked.
  ready: boolean;
  // Set when that check got no answer; `recheck` tries again.
  startFailure: RequestFailure | null;
  recheck: () => void;
  signedIn: (account: Account) => void;
  signOut: () => Promise<void>;
}

const SessionContext = createContext<Session>({
  account: null,
  ready: false,
  startFailure: null,
  recheck: () => {},
  signedIn: () => {},
  signOut: async () => {},
});

// The login screen, with the current route to come back to.
export function loginHref(): string {
  const here = location.hash.replace(/^#/, '');
  const route = parseHash(location.hash);
  return route.segments[0] === 'dang-nhap' || here === '' || here === '/' ? href(['dang-nhap']) : href(['dang-nhap'], { next: here });
}

export function SessionProvider({ children }: { children: ComponentChildren }) {
  const [account, setAccount] = useState<Account | null>(null);
  const [ready, setReady] = useState(currentToken() === null);
  const [startFailure, setStartFailure] = useState<RequestFailure | null>(null);
  const [attempt, setAttempt] = useState(0);

  // The stored token is checked first; a dead one is dropped quietly (a public page stays where it is). Only
  // then does a 401 mean "the session has just ended".
  useEffect(() => {
    const listen = () =>
      setUnauthorizedHandler(() => {
        setAccount(null);
        navigate(loginHref());
      });
    if (currentToken() === null) {
      listen();
      return;
    }
    setStartFailure(null);
    fetchMe().then(
      (me) => {
        setAccount(me);
        setReady(true);
        listen();
      },
      (error: unknown) => {
        if (error instanceof NetworkError) {
          setStartFailure(error);
          return;
        }
        setAccount(null);
        setReady(true);
        listen();
      },
    );
  }, [attempt]);

  const value = useMemo<Session>(
    () => ({
      account,
      ready,
      startFailure,
      recheck: () => setAttempt((n) => n + 1),
      signedIn: setAccount,
      signOut: async () => {
        try {
          await logOut();
        } catch {
          // The token is dropped anyway; the server forgets it when it expires.
        }
        setAccount(null);
        navigate(href(['dang-nhap']));
      },
    }),
    [account, ready, startFailure],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  return useContext(SessionContext);
}
