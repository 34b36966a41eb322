import { createHash, scryptSync } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { parseArgs } from 'node:util';
import * as argon2 from 'argon2';
import * as bcrypt from 'bcrypt';

/**
 * A sample file for `npm run users:import`: every import algorithm in turn, `--plain` percent plain
 * passwords (each one costs the service an argon2id hash), a tenth of the lines as User models (the export's
 * form) and a bad line every `--bad-every` lines (bad JSON, a bad email, a non-object, a repeated email, a
 * hash that is none). Every password is PASSWORD, so any imported user can be tried with a login.
 *
 *   node dist/scripts/users/import/generate-sample.js FILE [--lines 100000] [--plain 1] [--bad-every 500]
 */
export const PASSWORD = 'sample-password';

async function hashes(): Promise<Array<Record<string, unknown>>> {
  const hex = (algorithm: string) => createHash(algorithm).update(PASSWORD).digest('hex');
  const argon2id = await argon2.hash(PASSWORD, { type: argon2.argon2id, memoryCost: 4096, timeCost: 2 });
  return [
    { algorithm: 'argon2', password: argon2id },
    { algorithm: 'bcrypt', password: bcrypt.hashSync(PASSWORD, 4) },
    { algorithm: 'md5', password: hex('md5') },
    { algorithm: 'sha', password: hex('sha512'), passwordVersion: 'sha512' },
    // WordPress's portable PHPass of PASSWORD is not at hand; a bcrypt string is a valid PHPass import too.
    { algorithm: 'phpass', password: bcrypt.hashSync(PASSWORD, 4).replace(/^\$2b\$/, '$2y$') },
    {
      algorithm: 'scrypt',
      password: scryptSync(PASSWORD, 'salt', 64, { N: 1024, r: 8, p: 1 }).toString('hex'),
      passwordSalt: 'salt',
      passwordCpu: 1024,
      passwordMemory: 8,
      passwordParallel: 1,
      passwordLength: 64,
    },
    {
      // Firebase's published sample parameters; not a hash of PASSWORD (Firebase's signer key is secret).
      algorithm: 'scryptModified',
      password: 'UlM7JiXRcQhzAGlaonpSqNSLIz475WMddOgLjej5De9vxTy48K6WtqlEzrRFeK4t0COfMhWCb8wuMHgxOFCHFQ==',
      passwordSalt: 'UxLMreBr6tYyjQ==',
      passwordSaltSeparator: 'Bw==',
      passwordSignerKey:
        'XyEKE9RcTDeLEsL/RjwPDBv/RqDl8fb3gpYEOQaPihbxf1ZAtSOHCjuAAa7Q3oHpCYhXSN9tizHgVOwn6krflQ==',
    },
  ];
}

const BAD = [
  () => '{"userId": "broken", "email": ',
  (i: number) => JSON.stringify({ userId: `bad${i}`, email: 'not-an-email', password: PASSWORD }),
  () => '[1, 2, 3]',
  (i: number) => JSON.stringify({ userId: `dup${i}`, email: `user${i - 1}@sample.test` }),
  (i: number) =>
    JSON.stringify({
      algorithm: 'md5',
      userId: `badhash${i}`,
      email: `x${i}@sample.test`,
      password: 'zzzzzzzz',
    }),
];

function userModel(i: number, hashed: Record<string, unknown>): Record<string, unknown> {
  const { algorithm, password, ...options } = hashed;
  if (algorithm !== 'md5' && algorithm !== 'sha') return { ...hashed };
  return {
    $id: `u${i}`,
    name: `User ${i}`,
    email: `user${i}@sample.test`,
    phone: '',
    labels: ['imported'],
    prefs: { n: i },
    status: true,
    emailVerification: i % 2 === 0,
    phoneVerification: false,
    password,
    hash: algorithm,
    hashOptions: algorithm === 'sha' ? { version: options.passwordVersion } : { type: 'md5' },
  };
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      lines: { type: 'string', default: '100000' },
      plain: { type: 'string', default: '1' },
      'bad-every': { type: 'string', default: '500' },
    },
  });
  if (positionals.length !== 1) throw new Error('give the output FILE');
  const lines = Number(values.lines);
  const plainEvery = Math.round(100 / Number(values.plain));
  const badEvery = Number(values['bad-every']);
  const samples = await hashes();
  const out = createWriteStream(positionals[0]);
  const counts = { lines, plain: 0, bad: 0, models: 0 };
  for (let i = 1; i <= lines; i++) {
    let line: string;
    if (badEvery > 0 && i % badEvery === 0) {
      line = BAD[(i / badEvery) % BAD.length](i);
      counts.bad++;
    } else if (plainEvery > 0 && i % plainEvery === 1) {
      line = JSON.stringify({
        userId: `u${i}`,
        email: `user${i}@sample.test`,
        password: PASSWORD,
        name: `User ${i}`,
      });
      counts.plain++;
    } else {
      const hashed = samples[i % samples.length];
      const model = i % 10 === 3 ? userModel(i, hashed) : undefined;
      if (model?.$id) counts.models++;
      line = JSON.stringify(
        model?.$id ? model : { userId: `u${i}`, email: `user${i}@sample.test`, name: `User ${i}`, ...hashed },
      );
    }
    if (!out.write(`${line}\n`)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  }
  await new Promise<void>((resolve) => out.end(() => resolve()));
  process.stdout.write(`${JSON.stringify(counts)}\n`);
}

void main().catch((error: Error) => {
  process.stderr.write(`generate-sample: ${error.message}\n`);
  process.exit(2);
});
