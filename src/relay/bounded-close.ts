/**
 * Waits for `close` at most `ms`: BullMQ's close waits on Redis, which may be down or frozen at shutdown, and a
 * process must still exit on SIGTERM. Jobs cut short are retried after the lock expires (they are idempotent).
 */
export async function closeWithin(close: () => Promise<unknown>, ms = 3000): Promise<'closed' | 'gave-up'> {
  let timer: NodeJS.Timeout | undefined;
  const gaveUp = new Promise<'gave-up'>((resolve) => {
    timer = setTimeout(() => resolve('gave-up'), ms);
  });
  try {
    return await Promise.race([close().then(() => 'closed' as const), gaveUp]);
  } finally {
    clearTimeout(timer);
  }
}
