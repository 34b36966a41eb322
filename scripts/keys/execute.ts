import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { MasterKeys } from '@libs/event-store';
import { DataSource } from 'typeorm';
import { ApiKeysRepository } from '../../src/auth/infrastructure/api-keys.repository';
import { loadConfig } from '../../src/config/config';
import { createDataSource } from '../../src/database/data-source';
import { ensureDatabase } from '../../src/database/ensure-database';
import { resolveMasterKeys } from '../../src/database/master-keys';
import { runMigrations } from '../../src/database/migrate';
import { describeMysqlFailure } from '../../src/database/mysql-failure';
import type { CreateKeyArgs } from './args';
import { CommandError } from './command-error';
import { createKey } from './create-key';
import { listKeys } from './list-keys';
import { revokeKey } from './revoke-key';

export type KeysCommand =
  | { name: 'create'; args: CreateKeyArgs }
  | { name: 'list'; args: { json: boolean } }
  | { name: 'revoke'; args: { id: string } };

/**
 * The master keys as the service resolves them, asked for only by a pending migration that seals stored events
 * (so listing keys never needs DATA_KEY). Never a generated one: sealing a production history with a key made
 * up on an operator's machine would leave the service unable to read it.
 */
function masterKeys(): MasterKeys {
  const { DATA_KEY, DATA_KEY_PREVIOUS, DATA_KEY_FILE } = process.env;
  const config = loadConfig({ DATA_KEY, DATA_KEY_PREVIOUS, DATA_KEY_FILE });
  if (!config.DATA_KEY && !existsSync(resolve(config.DATA_KEY_FILE))) {
    throw new CommandError(
      'a pending migration seals the stored events and needs the master key: set DATA_KEY as the service has it',
    );
  }
  return resolveMasterKeys(config, (message) => process.stderr.write(`${message}\n`));
}

/** The database as the service opens it: created if missing and migrated, so keys can exist before the first start. */
async function openDatabase(url: string): Promise<DataSource> {
  await ensureDatabase(url);
  const dataSource = await createDataSource(url, { masterKeys }).initialize();
  try {
    await runMigrations(url, dataSource);
  } catch (error) {
    await dataSource.destroy();
    throw error;
  }
  return dataSource;
}

function run(command: KeysCommand, keys: ApiKeysRepository): Promise<void> {
  switch (command.name) {
    case 'create':
      return createKey(command.args, keys);
    case 'list':
      return listKeys(command.args, keys);
    case 'revoke':
      return revokeKey(command.args, keys);
  }
}

/** Runs a parsed command against DATABASE_URL; every failure becomes a CommandError with a one-line message. */
export async function execute(command: KeysCommand, databaseUrl: string): Promise<void> {
  let dataSource: DataSource;
  try {
    dataSource = await openDatabase(databaseUrl);
  } catch (error) {
    if (error instanceof CommandError) throw error;
    const problem = describeMysqlFailure(error, databaseUrl) ?? `cannot open the database: ${String(error)}`;
    throw new CommandError(
      `${problem}; check DATABASE_URL and that the server runs (scripts/services.sh starts a local one)`,
    );
  }
  try {
    await run(command, new ApiKeysRepository(dataSource));
  } catch (error) {
    if (error instanceof CommandError) throw error;
    throw new CommandError(describeMysqlFailure(error, databaseUrl) ?? String(error));
  } finally {
    await dataSource.destroy().catch(() => undefined);
  }
}
