import '../styles/base.css';
import '../styles/pages.css';
import './chat.css';
// The official Web Chat bundle is emitted as its own hashed file and loaded only here. The full bundle (~950 KB
// gzipped), not the minimal one: the bot answers with hero cards, which Web Chat renders through Adaptive Cards.
import webChatUrl from '../../node_modules/botframework-webchat/dist/webchat.js?url';
import { $ } from '../lib/dom';
import { describeProblem } from '../lib/problem';
import { registerServiceWorker } from '../lib/sw-register';
import { chatUserId, startConversation, type ChatConfig } from './directline';

interface WebChatGlobal {
  createDirectLine(o: { domain: string; token: string; webSocket: boolean }): unknown;
  createStore(initial: object, ...middleware: unknown[]): unknown;
  renderWebChat(o: Record<string, unknown>, el: HTMLElement): void;
}

interface Action { type: string; payload?: unknown }
type Next = (action: Action) => unknown;

const status = $('#chat-status');
registerServiceWorker();
void start();

async function start() {
  try {
    const config = await getJson<ChatConfig>('/config.json');
    const [{ token }] = await Promise.all([startConversation(config.directLineDomain), loadScript(webChatUrl)]);
    const WebChat = (window as unknown as { WebChat: WebChatGlobal }).WebChat;
    const directLine = WebChat.createDirectLine({ domain: config.directLineDomain, token, webSocket: false });
    WebChat.renderWebChat({
      directLine,
      store: WebChat.createStore({}, sendOnConnect(bindCommand())),
      userID: chatUserId(),
      locale: 'zh-CN',
      styleOptions: { primaryFont: 'inherit', bubbleMaxWidth: 600, sendBoxHeight: 56, hideUploadButton: true, rootHeight: '100%' },
    }, $('#webchat'));
    status.textContent = `已连接${config.botName ? `：${config.botName}` : ''}。可以直接输入问题，例如“上虞区有什么居家养老项目？”`;
  } catch (e) {
    status.className = 'notice notice-error';
    status.setAttribute('role', 'alert');
    status.textContent = `暂时无法连接咨询助手：${(e as Error).message}`;
  }
}

/** "#bind=123456" from the account pages: linking is one tap. The fragment is removed so a reload does not resend it. */
function bindCommand(): string | null {
  const code = /^#bind=(\d{6})$/.exec(location.hash)?.[1];
  if (!code) return null;
  history.replaceState(null, '', location.pathname + location.search);
  return `绑定 ${code}`;
}

function sendOnConnect(text: string | null) {
  return ({ dispatch }: { dispatch: Next }) => (next: Next) => (action: Action) => {
    const result = next(action);
    if (text && action.type === 'DIRECT_LINE/CONNECT_FULFILLED') {
      dispatch({ type: 'WEB_CHAT/SEND_MESSAGE', payload: { text } });
      text = null;
    }
    return result;
  };
}

async function getJson<T>(url: string): Promise<T> {
  let response: Response;
  try { response = await fetch(url, { headers: { Accept: 'application/json' } }); } catch { throw new Error(describeProblem(0)); }
  if (!response.ok) throw new Error(describeProblem(response.status));
  return response.json() as Promise<T>;
}

function loadScript(src: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const s = document.createElement('script');
    s.src = src;
    s.async = true;
    s.onload = () => resolve();
    s.onerror = () => reject(new Error('聊天组件加载失败，请检查网络后刷新页面。'));
    document.head.append(s);
  });
}
