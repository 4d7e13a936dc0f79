import { getPriority } from 'node:os';
import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { BACKGROUND_NICENESS, startEvalWorker } from './eval-worker.js';

const REPORT_PRIORITY = `
const { parentPort } = require('node:worker_threads');
parentPort.postMessage(require('node:os').getPriority());
`;

describe('startEvalWorker', () => {
  it.runIf(process.platform === 'linux')(
    'runs the thread below the event loop’s CPU priority, and leaves the loop’s alone',
    async () => {
      const before = getPriority();
      const worker = startEvalWorker(REPORT_PRIORITY, { modules: [], lowPriority: true });
      try {
        const [threadPriority] = (await once(worker, 'message')) as [number];
        expect(threadPriority).toBe(Math.min(19, before + BACKGROUND_NICENESS));
        expect(getPriority()).toBe(before);
      } finally {
        await worker.terminate();
      }
    },
  );

  it('keeps the default priority unless asked', async () => {
    const worker = startEvalWorker(REPORT_PRIORITY, { modules: [] });
    try {
      const [threadPriority] = (await once(worker, 'message')) as [number];
      expect(threadPriority).toBe(getPriority());
    } finally {
      await worker.terminate();
    }
  });
});
