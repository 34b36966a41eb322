import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../src/config/config';
import { generateApiKeySecret, hashApiKeySecret } from '../src/auth/domain/api-key-secret';
import { isScope, SCOPES } from '../src/auth/domain/scopes';
import { ApiKeyEntity } from '../src/auth/infrastructure/api-key.entity';
import { createDataSource } from '../src/database/data-source';
import { ensureDatabase } from '../src/database/ensure-database';
import { runMigrations } from '../src/database/migrate';

const USAGE = `Usage: npm run keys:create -- --scopes users.read,users.write [--name NAME] [--expire ISO-DATE]
Scopes: ${SCOPES.join(', ')}`;

/** Creates an API key and prints its secret once; only a SHA-256 of it is stored. */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      scopes: { type: 'string' },
      name: { type: 'string', default: 'api key' },
      expire: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help || !values.scopes) {
    process.stderr.write(`${USAGE}\n`);
    process.exit(values.help ? 0 : 2);
  }
  const scopes = values.scopes
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const unknown = scopes.filter((s) => !isScope(s));
  if (scopes.length === 0 || unknown.length > 0) {
    process.stderr.write(`Unknown scope(s): ${unknown.join(', ') || '(none given)'}\n${USAGE}\n`);
    process.exit(2);
  }
  const expire = values.expire ? new Date(values.expire) : null;
  if (expire && Number.isNaN(expire.getTime())) {
    process.stderr.write(`--expire is not a date: ${values.expire}\n`);
    process.exit(2);
  }

  const config = loadConfig();
  await ensureDatabase(config.DATABASE_URL);
  const dataSource = await createDataSource(config.DATABASE_URL).initialize();
  try {
    await runMigrations(config.DATABASE_URL, dataSource);
    const secret = generateApiKeySecret();
    const key = Object.assign(new ApiKeyEntity(), {
      id: randomUUID(),
      name: values.name ?? 'api key',
      secretHash: hashApiKeySecret(secret),
      scopes: JSON.stringify(scopes),
      expire,
      createdAt: new Date(),
    });
    await dataSource.getRepository(ApiKeyEntity).insert(key);
    process.stdout.write(
      `${JSON.stringify({ id: key.id, name: key.name, scopes, expire: expire?.toISOString() ?? null, secret })}\n`,
    );
    process.stderr.write('Store the secret now: it is not kept and cannot be shown again.\n');
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof ConfigError ? error.message : String((error as Error)?.stack ?? error)}\n`,
  );
  process.exit(1);
});
