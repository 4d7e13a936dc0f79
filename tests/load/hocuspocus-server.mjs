// The full-document-rewrite reference for the cold-load comparison: Hocuspocus 3.4.4 with
// @hocuspocus/extension-database, whose `fetch` returns and `store` writes the whole document
// state as one blob (how such servers persist). The blob lives in SQLite (better-sqlite3, the
// driver our storage uses; WAL, synchronous=NORMAL like ours), table `documents(name, data)`, in
// `DATA_DIR/hocuspocus.sqlite`. Seed it with `seedHocuspocus` (lib/servers.mjs) before starting.
// Run as a child process by run-bench.mjs; no auth (any token is accepted).
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Database } from '@hocuspocus/extension-database';
import { Server } from '@hocuspocus/server';

const require = createRequire(new URL('../../packages/storage/package.json', import.meta.url));
const BetterSqlite3 = require('better-sqlite3');

const host = process.env.HOST ?? '127.0.0.1';
const port = Number(process.env.PORT ?? 1234);
const dataDir = process.env.DATA_DIR ?? '.';

const db = new BetterSqlite3(join(dataDir, 'hocuspocus.sqlite'));
db.pragma('journal_mode = WAL');
db.pragma('synchronous = NORMAL');
db.exec('CREATE TABLE IF NOT EXISTS documents (name TEXT PRIMARY KEY, data BLOB NOT NULL)');
const select = db.prepare('SELECT data FROM documents WHERE name = ?');
const upsert = db.prepare(
  'INSERT INTO documents (name, data) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET data = excluded.data',
);

const server = new Server({
  address: host,
  port,
  quiet: true,
  stopOnSignals: true,
  extensions: [
    new Database({
      async fetch({ documentName }) {
        const row = select.get(documentName);
        return row ? new Uint8Array(row.data) : null;
      },
      async store({ documentName, state }) {
        upsert.run(documentName, state);
      },
    }),
  ],
});

await server.listen();
console.error(`hocuspocus listening on ${host}:${port}`);
