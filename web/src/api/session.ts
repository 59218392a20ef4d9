// The signed-in session of this tab: tokens in sessionStorage (one tab, one refresh chain), the
// roles read from the access token's claims. The servers verify the token; this only shapes the UI.
export interface TokenPair {
  accessToken: string; tokenType: string; expiresIn: number; refreshToken: string;
  refreshTokenExpiresAt: string; sessionId: string;
}
export interface Claims { sub: string; roles: string[]; idv_at?: number; exp: number; sid?: string; name?: string }

const ACCESS = 'baeum.access';
const REFRESH = 'baeum.refresh';
type Listener = () => void;
const listeners = new Set<Listener>();

function storage(): Storage | null {
  return typeof sessionStorage === 'undefined' ? null : sessionStorage;
}

export function decodeClaims(token: string | null): Claims | null {
  if (!token) return null;
  const part = token.split('.')[1];
  if (!part) return null;
  try {
    const json = decodeURIComponent(
      atob(part.replace(/-/g, '+').replace(/_/g, '/')).split('')
        .map((c) => '%' + c.charCodeAt(0).toString(16).padStart(2, '0')).join(''),
    );
    const claims = JSON.parse(json) as Claims;
    return { ...claims, roles: Array.isArray(claims.roles) ? claims.roles : [] };
  } catch {
    return null;
  }
}

export const session = {
  accessToken: (): string | null => storage()?.getItem(ACCESS) ?? null,
  refreshToken: (): string | null => storage()?.getItem(REFRESH) ?? null,
  claims: (): Claims | null => decodeClaims(session.accessToken()),
  store(pair: TokenPair) {
    storage()?.setItem(ACCESS, pair.accessToken);
    storage()?.setItem(REFRESH, pair.refreshToken);
    listeners.forEach((l) => l());
  },
  clear() {
    storage()?.removeItem(ACCESS);
    storage()?.removeItem(REFRESH);
    listeners.forEach((l) => l());
  },
  subscribe(listener: Listener): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

/** The home of a role: admins to the console, instructors to their cohorts, trainees to the classroom. */
export function homeOf(roles: string[]): string {
  if (roles.includes('ADMIN')) return '/admin';
  if (roles.includes('INSTRUCTOR')) return '/instructor';
  return '/classroom';
}
