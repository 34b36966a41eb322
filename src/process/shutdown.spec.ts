import { ProcessShutdown } from './shutdown';

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('ProcessShutdown', () => {
  const make = () => {
    const exits: number[] = [];
    const logs: string[] = [];
    const shutdown = new ProcessShutdown((code) => exits.push(code));
    shutdown.configure({ timeoutMs: 60_000, log: (m) => logs.push(m) });
    return { shutdown, exits, logs };
  };

  it('exits 0 at once when stopped during start-up with nothing started', async () => {
    const { shutdown, exits, logs } = make();
    await shutdown.stop('SIGTERM');
    expect(exits).toEqual([0]);
    expect(logs).toEqual(['SIGTERM received during start-up: stopping']);
  });

  it('waits for protected work (a migration) before exiting', async () => {
    const { shutdown, exits } = make();
    let finish!: () => void;
    void shutdown.protect(new Promise<void>((resolve) => (finish = resolve)));
    const stopped = shutdown.stop('SIGTERM');
    await settle();
    expect(exits).toEqual([]);
    finish();
    await stopped;
    expect(exits).toEqual([0]);
  });

  it('closes started applications newest first, and refuses to go on booting once stopping', async () => {
    const { shutdown, exits } = make();
    const closed: string[] = [];
    expect(shutdown.add({ close: async () => void closed.push('api') })).toBe(true);
    const stopped = shutdown.stop('SIGINT');
    expect(shutdown.add({ close: async () => void closed.push('worker') })).toBe(false);
    await stopped;
    expect(closed).toEqual(['worker', 'api']);
    expect(exits).toEqual([0]);
  });

  it('exits 1 when closing fails', async () => {
    const { shutdown, exits } = make();
    shutdown.add({ close: () => Promise.reject(new Error('pool already closed')) });
    await shutdown.stop('SIGTERM');
    expect(exits).toEqual([1]);
  });
});
