import { pino } from 'pino';

/** The structured logger used throughout the server. */
export type Logger = pino.Logger;

/** JSON lines on stdout; `level` as pino names it (`silent` for tests). */
export function createLogger(level: string): Logger {
  return pino({ level, base: { service: 'collab-server' } });
}
