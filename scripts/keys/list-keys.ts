import type { ApiKeysRepository, StoredApiKey } from '../../src/auth/infrastructure/api-keys.repository';

function table(keys: StoredApiKey[], now: Date): string {
  const rows = keys.map((key) => [
    key.id,
    key.name,
    key.scopes.join(','),
    key.expire ? `${key.expire.toISOString()}${key.expire <= now ? ' (expired)' : ''}` : 'never',
    key.createdAt.toISOString(),
  ]);
  const header = ['ID', 'NAME', 'SCOPES', 'EXPIRES', 'CREATED'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  return [header, ...rows]
    .map((row) =>
      row
        .map((cell, i) => cell.padEnd(widths[i]))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

/** Prints the stored keys (secrets are never stored, so never shown). */
export async function listKeys(args: { json: boolean }, keys: ApiKeysRepository): Promise<void> {
  const stored = await keys.list();
  if (args.json) {
    process.stdout.write(`${JSON.stringify(stored)}\n`);
    return;
  }
  if (stored.length === 0) {
    process.stdout.write(
      'No API keys stored. Create one: npm run keys:create -- --scopes users.read --name NAME\n',
    );
    return;
  }
  process.stdout.write(`${table(stored, new Date())}\n`);
}
