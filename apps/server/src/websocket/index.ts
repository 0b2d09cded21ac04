export {
  checkHandshake,
  type HandshakeCheck,
  refuseUpgrade,
  switchingProtocols,
} from './handshake.ts';
export { ServerWebSocket, type WebSocketLimits } from './server-websocket.ts';
export { WebSocketCloseCode } from './wire.ts';
