// The signed-in token lives in sessionStorage: gone when the tab closes, never shared with other sites.
const KEY = 'assistant.accessToken';

export interface Claims {
  sub?: string;
  name?: string;
  role?: string | string[];
  org?: string;
  department?: string;
  exp?: number;
}

export function getToken(): string | null {
  try { return sessionStorage.getItem(KEY); } catch { return null; }
}

export function setToken(token: string | null): void {
  try {
    if (token) sessionStorage.setItem(KEY, token);
    else sessionStorage.removeItem(KEY);
  } catch { /* storage disabled: the user signs in again next time */ }
}

/** Reads (does not verify) the JWT payload, only to show who is signed in and pick the right page parts. */
export function decodeClaims(token: string | null): Claims | null {
  const part = token?.split('.')[1];
  if (!part) return null;
  try {
    const b64 = part.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(part.length / 4) * 4, '=');
    const bytes = Uint8Array.from(atob(b64), c => c.charCodeAt(0));
    return JSON.parse(new TextDecoder().decode(bytes)) as Claims;
  } catch {
    return null;
  }
}

export function roles(claims: Claims | null): string[] {
  const r = claims?.role;
  return r === undefined ? [] : Array.isArray(r) ? r : [r];
}

export function isExpired(claims: Claims | null, nowSeconds = Date.now() / 1000): boolean {
  return !claims || (claims.exp !== undefined && claims.exp <= nowSeconds);
}
