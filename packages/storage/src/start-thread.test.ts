import { once } from 'node:events';
import { getPriority } from 'node:os';
import { describe, expect, it } from 'vitest';
import { startThread } from './start-thread.js';
import { BACKGROUND_NICENESS } from './thread-priority.js';

const REPORT_PRIORITY = new URL('./report-priority.fixture.js', import.meta.url);

async function priorityOfThread(lowPriority: boolean): Promise<number> {
  const worker = startThread(REPORT_PRIORITY, { lowPriority });
  try {
    const [priority] = (await once(worker, 'message')) as [number];
    return priority;
  } finally {
    await worker.terminate();
  }
}

describe('startThread', () => {
  it.runIf(process.platform === 'linux')(
    'runs a low-priority thread below the event loop’s CPU priority, and leaves the loop’s alone',
    async () => {
      const before = getPriority();
      expect(await priorityOfThread(true)).toBe(Math.min(19, before + BACKGROUND_NICENESS));
      expect(getPriority()).toBe(before);
    },
  );

  it('keeps the default priority unless asked', async () => {
    expect(await priorityOfThread(false)).toBe(getPriority());
  });
});
