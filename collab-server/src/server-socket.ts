import { WebSocket } from 'ws';
import { CloseCode, closeReason } from '@prozesswerkstatt/contract';

/**
 * `ws` closes a connection itself when a frame breaks a limit or the framing rules, without a
 * reason, and for an oversized frame with 1009 which a stock client treats as transient and
 * answers by re-sending the same state forever. This subclass gives those closes a reason and
 * turns "too big" into the permanent {@link CloseCode.MessageTooLarge}.
 */
export function serverSocketClass(maxMessageBytes: number): typeof WebSocket {
  return class ServerSocket extends WebSocket {
    override close(code?: number, data?: string | Buffer): void {
      if (data === undefined && code === 1009) {
        super.close(
          CloseCode.MessageTooLarge,
          closeReason(`message larger than the limit of ${maxMessageBytes} bytes`),
        );
        return;
      }
      if (data === undefined && code === 1002) {
        super.close(code, 'websocket protocol error');
        return;
      }
      if (data === undefined && code === 1007) {
        super.close(code, 'invalid frame payload');
        return;
      }
      super.close(code, data);
    }
  };
}
