import { api, ApiError } from './api';
import { h, notice, show } from './dom';
import { dateTime } from './format';

interface LinkCode { code: string; expiresAt: string; username: string }

/**
 * "在咨询助手中使用本账号": a one-time code (10 minutes) that lets the chat act for this account. The bot tells people
 * to generate one here, so this section is what makes linking possible at all. The code goes to the chat page in the
 * URL fragment, which the browser never sends to a server.
 */
export function chatLink(onUnauthorized: () => void): HTMLElement[] {
  const out = h('div', { 'aria-live': 'polite' });
  const button = h('button', { type: 'button' }, '生成绑定码');
  button.addEventListener('click', async () => {
    button.setAttribute('disabled', '');
    try {
      const link = await api<LinkCode>('/api/account-links', { method: 'POST' });
      show(out,
        h('p', null, '绑定码：', h('strong', { class: 'link-code' }, link.code)),
        h('p', { class: 'meta' }, `${dateTime(link.expiresAt)} 前有效，只能使用一次。`),
        h('p', null, h('a', { class: 'button', href: `/chat.html#bind=${link.code}` }, '打开咨询助手并绑定')),
        h('p', { class: 'muted' }, `也可以在任何接入本助手的聊天里输入“绑定 ${link.code}”。`));
      button.textContent = '重新生成';
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) { onUnauthorized(); return; }
      show(out, notice((e as Error).message, 'error'));
    } finally {
      button.removeAttribute('disabled');
    }
  });
  return [h('p', null, '绑定后，您可以在聊天里用本账号查询和办理（如投标、查项目进展）。'), button, out];
}
