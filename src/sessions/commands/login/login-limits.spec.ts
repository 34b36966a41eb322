import { RateLimiterMemory } from 'rate-limiter-flexible';
import { TooManyAttemptsError } from '../../domain/session.errors';
import { LoginLimits } from './login-limits';

const limits = (emailAndIp: number, email: number, ip: number) => {
  const make = (points: number) => new RateLimiterMemory({ points, duration: 60 });
  const limiters = { emailAndIp: make(emailAndIp), email: make(email), ip: make(ip) };
  return { limits: new LoginLimits(limiters), limiters };
};

/** Refunds run in the background; on the in-memory limiters they are settled once the microtasks are. */
const settled = () => new Promise((resolve) => setImmediate(resolve));

describe('LoginLimits', () => {
  it('admits no more parallel attempts than the limit, whatever order they finish in', async () => {
    const { limits: l } = limits(10, 50, 1000);
    const results = await Promise.allSettled(
      Array.from({ length: 30 }, () => l.consume('ada@example.com', '10.0.0.1')),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(10);
    const refused = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : []));
    expect(refused).toHaveLength(20);
    for (const error of refused) {
      expect(error).toBeInstanceOf(TooManyAttemptsError);
      expect((error as TooManyAttemptsError).retryAfterSeconds).toBeGreaterThanOrEqual(1);
      expect((error as TooManyAttemptsError).retryAfterSeconds).toBeLessThanOrEqual(60);
    }
  });

  it('counts an email case-insensitively', async () => {
    const { limits: l } = limits(2, 50, 1000);
    await l.consume('Ada@Example.com', 'ip');
    await l.consume('ada@example.com', 'ip');
    await expect(l.consume('ADA@EXAMPLE.COM', 'ip')).rejects.toBeInstanceOf(TooManyAttemptsError);
  });

  it('a success resets the (email, IP) pair and refunds the email and IP counters', async () => {
    const { limits: l, limiters } = limits(3, 50, 1000);
    await l.consume('a@x.io', 'ip');
    await l.consume('a@x.io', 'ip');
    (await l.consume('a@x.io', 'ip')).succeeded();
    await settled();
    expect(await limiters.emailAndIp.get('ip a@x.io')).toBeNull();
    expect((await limiters.email.get('a@x.io'))?.consumedPoints).toBe(2);
    expect((await limiters.ip.get('ip'))?.consumedPoints).toBe(2);
  });

  it('cancel gives every point back, once', async () => {
    const { limits: l, limiters } = limits(3, 50, 1000);
    await l.consume('a@x.io', 'ip');
    const attempt = await l.consume('a@x.io', 'ip');
    attempt.cancel();
    attempt.cancel();
    await settled();
    expect((await limiters.emailAndIp.get('ip a@x.io'))?.consumedPoints).toBe(1);
    expect((await limiters.ip.get('ip'))?.consumedPoints).toBe(1);
  });

  it('a refused attempt costs nothing on the counters that admitted it', async () => {
    const { limits: l, limiters } = limits(1, 50, 1000);
    await l.consume('a@x.io', 'ip');
    for (let i = 0; i < 5; i++) await expect(l.consume('a@x.io', 'ip')).rejects.toThrow(TooManyAttemptsError);
    await settled();
    expect((await limiters.ip.get('ip'))?.consumedPoints).toBe(1);
    expect((await limiters.email.get('a@x.io'))?.consumedPoints).toBe(1);
    expect((await limiters.emailAndIp.get('ip a@x.io'))?.consumedPoints).toBe(1);
  });

  it('one IP failing on many emails locks none of them, until the IP ceiling', async () => {
    const { limits: l } = limits(3, 15, 40);
    for (let i = 0; i < 39; i++) await l.consume(`user${i}@x.io`, 'proxy');
    (await l.consume('victim@x.io', 'proxy')).succeeded();
    await settled();
    await expect(l.consume('victim@x.io', 'proxy')).resolves.toBeDefined();
    await expect(l.consume('other@x.io', 'proxy')).rejects.toThrow(TooManyAttemptsError);
  });

  it('counts every IPv6 address of one /64 as one client', async () => {
    const { limits: l } = limits(2, 50, 1000);
    await l.consume('a@x.io', '2001:db8::1');
    await l.consume('a@x.io', '2001:db8::2');
    await expect(l.consume('a@x.io', '2001:db8::ffff:3')).rejects.toThrow(TooManyAttemptsError);
    await expect(l.consume('a@x.io', '2001:db8:0:1::1')).resolves.toBeDefined();
  });

  it('the email total bounds guessing spread over many IPs', async () => {
    const { limits: l } = limits(3, 7, 1000);
    for (let i = 0; i < 7; i++) await l.consume('a@x.io', `10.0.0.${i}`);
    await expect(l.consume('a@x.io', '10.0.1.1')).rejects.toThrow(TooManyAttemptsError);
  });
});
