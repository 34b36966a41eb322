import { DependencyStatus } from './dependency-status';

describe('DependencyStatus', () => {
  let now: number;
  let lines: string[];
  let status: DependencyStatus;
  const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:6379'), { code: 'ECONNREFUSED' });

  beforeEach(() => {
    now = 1_000_000;
    lines = [];
    status = new DependencyStatus('redis', '127.0.0.1:6379', 30_000, () => now, {
      warn: (message: unknown) => lines.push(String(message)),
    });
  });

  it('says at once that the server is down, where, why and what the service does meanwhile', () => {
    status.down(refused);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Redis at 127\.0\.0\.1:6379 is down \(connection refused\): the API goes on; /);
    expect(status.isDown).toBe(true);
  });

  it('repeats it at most once per interval however many errors come, with how long it has been down', () => {
    for (let second = 0; second <= 95; second++) {
      now = 1_000_000 + second * 1000;
      for (let client = 0; client < 10; client++) status.down(refused);
    }
    expect(lines).toHaveLength(4);
    expect(lines.slice(1).map((l) => l.match(/still down after (\d+) s/)?.[1])).toEqual(['30', '60', '90']);
  });

  it('says once that the server is back, and reports the next outage afresh', () => {
    status.up();
    expect(lines).toEqual([]);
    status.down(refused);
    now += 12_400;
    status.up();
    status.up();
    expect(lines[1]).toBe('Redis at 127.0.0.1:6379 is back after 12 s');
    now += 1000;
    status.down(new Error('Connection is closed.'));
    expect(lines).toHaveLength(3);
    expect(lines[2]).toMatch(/is down \(connection closed\)/);
  });
});
