import { api, ApiError } from './api';
import { h, show } from './dom';
import { decodeClaims, getToken, isExpired, roles, setToken, type Claims } from './session';

interface TokenResponse { accessToken: string }

/**
 * Shows the page for a signed-in user with one of the roles, or a sign-in form first.
 * A 401 from any later call sends the user back here via signOut().
 */
export function withSignIn(container: HTMLElement, allowed: string[], hint: string, render: (claims: Claims) => void): void {
  const claims = decodeClaims(getToken());
  if (claims && !isExpired(claims)) {
    if (roles(claims).some(r => allowed.includes(r))) { render(claims); return; }
    show(container, h('p', { class: 'notice notice-error', role: 'alert' }, `当前账号（${claims.name ?? claims.sub}）不能使用本页面。`),
      h('button', { type: 'button', class: 'secondary', onclick: () => signOut(container, allowed, hint, render) }, '换一个账号登录'));
    return;
  }
  setToken(null);
  const error = h('p', { class: 'field-error', role: 'alert' });
  const form = h('form', { class: 'card signin', novalidate: true },
    h('h1', null, '登录'),
    h('p', { class: 'muted' }, hint),
    h('label', { for: 'username' }, '用户名'),
    h('input', { id: 'username', name: 'username', autocomplete: 'username', required: true, autocapitalize: 'off' }),
    h('label', { for: 'password' }, '密码'),
    h('input', { id: 'password', name: 'password', type: 'password', autocomplete: 'current-password', required: true }),
    error,
    h('button', { type: 'submit' }, '登录'));
  form.addEventListener('submit', async e => {
    e.preventDefault();
    const username = (form.elements.namedItem('username') as HTMLInputElement).value.trim();
    const password = (form.elements.namedItem('password') as HTMLInputElement).value;
    if (!username || !password) { error.textContent = '请输入用户名和密码'; return; }
    try {
      const { accessToken } = await api<TokenResponse>('/api/auth/token', { method: 'POST', body: { username, password } });
      setToken(accessToken);
      withSignIn(container, allowed, hint, render);
    } catch (err) {
      error.textContent = err instanceof ApiError && err.status === 401 ? '用户名或密码不正确' : (err as Error).message;
    }
  });
  show(container, form);
  form.querySelector('input')?.focus();
}

export function signOut(container: HTMLElement, allowed: string[], hint: string, render: (claims: Claims) => void): void {
  setToken(null);
  withSignIn(container, allowed, hint, render);
}
