import { describeProblem } from '../lib/problem';

export interface ChatConfig { directLineDomain: string; botName?: string }

/** Asks the bot host's Direct Line channel for a conversation token (POST {domain}/tokens/generate). */
export async function startConversation(domain: string, fetcher: typeof fetch = fetch): Promise<{ token: string; conversationId?: string }> {
  let response: Response;
  try {
    response = await fetcher(`${domain.replace(/\/+$/, '')}/tokens/generate`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ user: { id: chatUserId() } }),
    });
  } catch {
    throw new Error('咨询助手暂时无法访问（网络不通或助手未启动）。');
  }
  if (!response.ok) throw new Error(describeProblem(response.status));
  const body = await response.json() as { token?: string; conversationId?: string };
  if (!body.token) throw new Error('咨询助手没有返回会话凭证。');
  return { token: body.token, conversationId: body.conversationId };
}

/** A random id per browser (never a name or phone number), so the bot can keep this user's conversation state. */
export function chatUserId(storage: Pick<Storage, 'getItem' | 'setItem'> | null = safeLocalStorage()): string {
  const existing = storage?.getItem('assistant.chatUser');
  if (existing) return existing;
  const id = `web-${Array.from(crypto.getRandomValues(new Uint8Array(8)), b => b.toString(16).padStart(2, '0')).join('')}`;
  storage?.setItem('assistant.chatUser', id);
  return id;
}

function safeLocalStorage(): Storage | null {
  try { return localStorage; } catch { return null; }
}
