import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import { documentNameFromPath } from '@prozesswerkstatt/contract';
import { TokenError, secretKey, verifyCollabToken } from '@prozesswerkstatt/contract/token';
import { resolveLimits, type CollabServerOptions } from './config.js';
import { CollabHub } from './hub.js';
import { metricsAccess, originAllowed } from './http-guards.js';
import { CollabMetrics } from './metrics.js';
import { noRelay } from './relay/document-relay.js';
import { RedisRelay } from './relay/redis-relay.js';
import { serverSocketClass } from './server-socket.js';
import { INTERNAL_PREFIX, serveInternal } from './internal/internal-api.js';
import { PlanActivityRecorder } from './versions/plan-activity.js';
import { getDatabase, isSqlStorage } from '@prozesswerkstatt/storage';

/** A running collab-server. */
export interface RunningCollabServer {
  /** `ws://host:port`, to which a client appends `/<document name>`. */
  readonly url: string;
  readonly port: number;
  readonly hub: CollabHub;
  readonly metrics: CollabMetrics;
  /** Graceful stop: refuses new connections, stores what is pending, closes every socket. */
  close(): Promise<void>;
}

/** Starts the HTTP + WebSocket server on `host:port` (port 0 picks a free one). */
export async function startCollabServer(
  options: CollabServerOptions & { host: string; port: number },
): Promise<RunningCollabServer> {
  const limits = resolveLimits(options.limits);
  const metrics = new CollabMetrics();
  const logger = options.logger;
  const key = secretKey(options.authSecret);
  const relay = options.redisUrl ? new RedisRelay(options.redisUrl, metrics, logger) : noRelay;
  if (relay instanceof RedisRelay) await relay.ready();
  const activity = isSqlStorage(options.storage)
    ? new PlanActivityRecorder(getDatabase(options.storage), logger, {
        checkpointIntervalMs: limits.checkpointIntervalMs,
      })
    : undefined;
  const hub = new CollabHub({ storage: options.storage, metrics, logger, limits, relay, activity });
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: limits.maxMessageBytes,
    WebSocket: serverSocketClass(limits.maxMessageBytes),
    // Peers write ready-made uncompressed frames to the socket (`SocketPeer`); compression would
    // also cost more CPU than the small Yjs updates save in bytes.
    perMessageDeflate: false,
  });
  let accepting = true;

  const server = createServer((req, res) => {
    void serveHttp(req, res).catch((error: unknown) => {
      logger.error({ err: error }, 'http request failed');
      if (!res.headersSent) res.writeHead(500).end();
    });
  });

  async function serveHttp(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (path.startsWith(INTERNAL_PREFIX)) {
      await serveInternal(req, res, path, {
        hub,
        key,
        maxBodyBytes: limits.maxMessageBytes,
        logger,
        documentName: (encoded) => documentNameFromPath(`/${encoded}`),
        accepting: () => accepting,
      });
    } else if (req.method !== 'GET') {
      res.writeHead(405, { Allow: 'GET' }).end();
    } else if (path === '/healthz') {
      sendJson(res, 200, { status: 'ok' });
    } else if (path === '/readyz') {
      sendJson(res, accepting ? 200 : 503, { status: accepting ? 'ready' : 'shutting down' });
    } else if (path === '/metrics') {
      const access = metricsAccess(req, options.metricsToken);
      if (access !== 200) {
        res.writeHead(access, access === 401 ? { 'WWW-Authenticate': 'Bearer' } : {}).end();
        return;
      }
      res.writeHead(200, { 'Content-Type': metrics.registry.contentType });
      res.end(await metrics.registry.metrics());
    } else {
      res.writeHead(404).end();
    }
  }

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    void upgrade(req, socket, head).catch((error: unknown) => {
      logger.error({ err: error }, 'upgrade failed');
      refuse(socket, 500, 'internal error');
    });
  });

  async function upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (!accepting) return refuse(socket, 503, 'server is shutting down');
    const docName = documentNameFromPath(url.pathname);
    if (!docName) return refuse(socket, 400, 'invalid document name');
    if (!originAllowed(req.headers.origin, options.allowedOrigins)) {
      metrics.error('origin_refused');
      logger.info({ doc: docName, origin: req.headers.origin }, 'connection refused: origin');
      return refuse(socket, 403, 'origin not allowed');
    }
    try {
      const auth = await verifyCollabToken(url.searchParams.get('token'), key, docName);
      if (!accepting) return refuse(socket, 503, 'server is shutting down');
      wss.handleUpgrade(req, socket, head, (ws) => hub.handleConnection(ws, auth, socket));
    } catch (error) {
      if (!(error instanceof TokenError)) throw error;
      metrics.error('auth_refused');
      logger.info({ doc: docName, reason: error.reason }, 'connection refused');
      refuse(socket, error.status, error.reason);
    }
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  logger.info(
    {
      host: options.host,
      port,
      storage: options.storage.kind,
      relay: options.redisUrl ? 'redis' : 'none',
    },
    'collab-server listening',
  );

  return {
    url: `ws://${host}:${port}`,
    port,
    hub,
    metrics,
    async close() {
      accepting = false;
      const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
      await hub.shutdown();
      await relay.close();
      wss.close();
      server.closeAllConnections();
      await stopped;
    },
  };
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify(body));
}

const statusText: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** Answers an upgrade request with a plain HTTP error carrying the reason, then hangs up. */
function refuse(socket: Duplex, status: number, reason: string): void {
  if (socket.destroyed) return;
  const body = `${reason}\n`;
  socket.end(
    `HTTP/1.1 ${status} ${statusText[status] ?? 'Error'}\r\n` +
      'Connection: close\r\nContent-Type: text/plain; charset=utf-8\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}
