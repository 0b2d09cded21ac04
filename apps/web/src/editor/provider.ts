import type { Provider } from '@lexical/yjs';
import type { WebsocketProvider } from 'y-websocket';

/**
 * y-websocket's provider is what Lexical's `Provider` describes at run time (awareness, connect,
 * disconnect, sync/status events), but its typed event map does not list Lexical's legacy
 * `reload` and `update` events, which Lexical only subscribes to and which never fire here.
 */
export function asLexicalProvider(provider: WebsocketProvider): Provider {
  return provider as unknown as Provider;
}
