// A thread for `start-thread.test.ts`: takes its priority as every thread does, then reports it.
import { getPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { takeThreadPriority, type ThreadData } from './thread-priority.js';

takeThreadPriority(workerData as ThreadData);
parentPort?.postMessage(getPriority());
