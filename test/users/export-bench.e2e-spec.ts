import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BOOTSTRAP_KEY, PROJECT, TestApp } from '../support/test-app';

/**
 * A figure, not a check: `npm run build --silent && EXPORT_BENCH=50000 npx jest test/users/export-bench.e2e-spec.ts
 * --selectProjects e2e` exports that many users with the built CLI and prints its rate and the service
 * process's RSS (this jest process: its growth is the export's). Skipped without EXPORT_BENCH.
 */
const COUNT = Number(process.env.EXPORT_BENCH ?? 0);
const bench = COUNT > 0 ? it : it.skip;

bench(
  `users:export of ${COUNT} users`,
  async () => {
    const t = await TestApp.start();
    const dir = mkdtempSync(join(tmpdir(), 'users-export-bench-'));
    try {
      const template = await t.createUser({
        name: 'Bulk Person',
        email: 'bulk@example.com',
        password: 'bulk-pass-1',
      });
      await t.request('PUT', `/v1/users/${template.$id}/labels`, { body: { labels: ['vip', 'beta'] } });
      // Copies of one API-made user in the read table (what the export reads), each with its own id and email.
      const [columns] = await t.db.query<any[]>('SHOW COLUMNS FROM users');
      const names = columns.map((c) => c.Field as string);
      const copy: Record<string, string> = {
        sequence: '1000000 + n.i',
        id: "CONCAT('bulk-', n.i)",
        email: "CONCAT('bulk', n.i, '@example.com')",
      };
      const digit =
        '(SELECT 0 d UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4 UNION ALL SELECT 5 UNION ALL SELECT 6 UNION ALL SELECT 7 UNION ALL SELECT 8 UNION ALL SELECT 9)';
      const numbers = `SELECT a.d * 100000 + b.d * 10000 + c.d * 1000 + e.d * 100 + f.d * 10 + g.d AS i FROM ${digit} a, ${digit} b, ${digit} c, ${digit} e, ${digit} f, ${digit} g`;
      await t.db.query(
        `INSERT INTO users (${names.join(', ')}) SELECT ${names.map((n) => copy[n] ?? `t.${n}`).join(', ')}
       FROM (${numbers}) n JOIN users t ON t.id = ? WHERE n.i < ?`,
        [template.$id, COUNT - 1],
      );
      const base = process.memoryUsage();
      let peak = base.rss;
      const heaps: number[] = [];
      const gc = (globalThis as { gc?: () => void }).gc;
      let ticks = 0;
      const sampler = setInterval(() => {
        // With node --expose-gc, a full collection every second: the heap then shows what is live.
        if (gc && ++ticks % 50 === 0) gc();
        const now = process.memoryUsage();
        peak = Math.max(peak, now.rss);
        heaps.push(now.heapUsed);
      }, 20);
      const started = performance.now();
      const child = spawn('node', ['dist/scripts/users/export/export-cli.js', join(dir, 'users.ndjson')], {
        env: {
          ...process.env,
          APPWRITE_ENDPOINT: `${t.url}/v1`,
          APPWRITE_PROJECT: PROJECT,
          API_KEY: BOOTSTRAP_KEY,
        },
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
      const code = await new Promise((resolve) => child.on('exit', resolve));
      clearInterval(sampler);
      const seconds = (performance.now() - started) / 1000;
      const mib = (bytes: number) => Math.round(bytes / 2 ** 20);
      console.log(
        `${out.trim().split('\n').pop()}\nexit ${code}: ${COUNT} users in ${seconds.toFixed(1)} s with the CLI's start ` +
          `(${Math.round(COUNT / seconds)} users/s); service RSS ${mib(base.rss)} MiB before, peak ${mib(peak)} MiB ` +
          `(+${mib(peak - base.rss)} MiB); heap used ${mib(base.heapUsed)} MiB before, median ` +
          `${mib(heaps.sort((a, b) => a - b)[heaps.length >> 1])} MiB, peak ${mib(heaps[heaps.length - 1])} MiB`,
      );
      expect(code).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
      await t.stop();
    }
  },
  900_000,
);
