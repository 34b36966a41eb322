import { API_KEY_CACHE_MS, ApiKeysRepository } from '../../src/auth/infrastructure/api-keys.repository';
import { CommandError } from './command-error';

/** Deletes the key; running services refuse it once their one-second key cache has expired. */
export async function revokeKey(args: { id: string }, keys: ApiKeysRepository): Promise<void> {
  const name = await keys.revoke(args.id);
  if (name === null) throw new CommandError(`no API key with id ${args.id} (npm run keys:list shows them)`);
  process.stdout.write(
    `Revoked API key ${args.id} (${name}): running services refuse it within ${API_KEY_CACHE_MS / 1000} s.\n`,
  );
}
