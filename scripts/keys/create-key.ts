import { randomUUID } from 'node:crypto';
import { generateApiKeySecret, hashApiKeySecret } from '../../src/auth/domain/api-key-secret';
import { ApiKeyEntity } from '../../src/auth/infrastructure/api-key.entity';
import type { ApiKeysRepository } from '../../src/auth/infrastructure/api-keys.repository';
import type { CreateKeyArgs } from './args';

/** Stores a new key and prints it, secret included, as one JSON line: the secret is shown this once only. */
export async function createKey(args: CreateKeyArgs, keys: ApiKeysRepository): Promise<void> {
  const secret = generateApiKeySecret();
  const key = Object.assign(new ApiKeyEntity(), {
    id: randomUUID(),
    name: args.name,
    secretHash: hashApiKeySecret(secret),
    scopes: JSON.stringify(args.scopes),
    expire: args.expire,
    createdAt: new Date(),
  });
  await keys.create(key);
  const { scopes, expire } = args;
  process.stdout.write(
    `${JSON.stringify({ id: key.id, name: key.name, scopes, expire: expire?.toISOString() ?? null, secret })}\n`,
  );
  process.stderr.write('Store the secret now: only its hash is kept, so it cannot be shown again.\n');
}
