import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** Kinds of error counted in `collab_errors_total`; one label value each. */
export type ErrorKind =
  | 'malformed_message'
  | 'unsupported_data'
  | 'unknown_message_type'
  | 'message_too_large'
  | 'rate_limited'
  | 'slow_reader'
  | 'load_failed'
  | 'persist_failed'
  | 'apply_failed'
  | 'socket_error'
  | 'auth_refused'
  | 'origin_refused'
  | 'awareness_refused'
  | 'redis'
  | 'relay_apply_failed';

/** The server's Prometheus metrics, one registry per server so tests can run several. */
export class CollabMetrics {
  readonly registry = new Registry();
  readonly connections = new Gauge({
    name: 'collab_connections',
    help: 'Open WebSocket connections',
    registers: [this.registry],
  });
  readonly documentsLoaded = new Gauge({
    name: 'collab_documents_loaded',
    help: 'Documents held in memory',
    registers: [this.registry],
  });
  /**
   * Traffic is counted in plain numbers on the hot path (one broadcast touches every peer) and
   * handed to Prometheus only when it scrapes.
   */
  readonly traffic = { messagesIn: 0, messagesOut: 0, bytesIn: 0, bytesOut: 0 };

  constructor() {
    const counters: [keyof CollabMetrics['traffic'], string, string][] = [
      ['messagesIn', 'collab_messages_in_total', 'Frames received from clients'],
      ['messagesOut', 'collab_messages_out_total', 'Frames sent to clients'],
      ['bytesIn', 'collab_bytes_in_total', 'Bytes received from clients'],
      ['bytesOut', 'collab_bytes_out_total', 'Bytes sent to clients'],
    ];
    for (const [field, name, help] of counters) {
      const traffic = this.traffic;
      new Counter({
        name,
        help,
        registers: [this.registry],
        collect() {
          this.reset();
          this.inc(traffic[field]);
        },
      });
    }
    collectDefaultMetrics({ register: this.registry });
  }

  readonly refusedWrites = new Counter({
    name: 'collab_refused_writes_total',
    help: 'Document updates refused because the role may not write',
    labelNames: ['role'] as const,
    registers: [this.registry],
  });
  readonly errors = new Counter({
    name: 'collab_errors_total',
    help: 'Errors by kind',
    labelNames: ['kind'] as const,
    registers: [this.registry],
  });
  readonly persistSeconds = new Histogram({
    name: 'collab_persist_duration_seconds',
    help: 'Time to append one batch of updates to storage',
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
    registers: [this.registry],
  });
  readonly relayLagSeconds = new Histogram({
    name: 'collab_relay_lag_seconds',
    help: 'Time from publishing an update or presence on one instance to receiving it on another',
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.5, 1],
    registers: [this.registry],
  });
  readonly relayResumes = new Counter({
    name: 'collab_relay_resumes_total',
    help: 'Times the relay reconnected and loaded documents caught up from storage',
    registers: [this.registry],
  });
  readonly loadSeconds = new Histogram({
    name: 'collab_document_load_duration_seconds',
    help: 'Time to load a document from storage',
    buckets: [0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5],
    registers: [this.registry],
  });

  /** Counts one error of the given kind. */
  error(kind: ErrorKind): void {
    this.errors.inc({ kind });
  }
}
