import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { generateKeyText, MasterKeys, parseKey } from '@libs/event-store';
import type { AppConfig } from '../config';

/**
 * The master keys from DATA_KEY / DATA_KEY_PREVIOUS. Without DATA_KEY, a key is generated once into
 * DATA_KEY_FILE (created exclusively, so an API and a worker starting together agree on one) and every start
 * warns: that is for a local try, never for production, where losing the file loses the sealed history.
 */
export function resolveMasterKeys(
  config: Pick<AppConfig, 'DATA_KEY' | 'DATA_KEY_PREVIOUS' | 'DATA_KEY_FILE'>,
  warn: (message: string) => void,
): MasterKeys {
  const previous = config.DATA_KEY_PREVIOUS.map(parseKey);
  if (config.DATA_KEY) return new MasterKeys(parseKey(config.DATA_KEY), previous);
  const path = resolve(config.DATA_KEY_FILE);
  let generated = false;
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, `${generateKeyText()}\n`, { flag: 'wx', mode: 0o600 });
    generated = true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  let key: Buffer;
  try {
    key = parseKey(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`DATA_KEY is not set and ${path} holds no usable key: ${(error as Error).message}`, {
      cause: error,
    });
  }
  warn(
    `DATA_KEY is not set: ${generated ? 'generated a master key into' : 'using the master key in'} ${path}. ` +
      'That is for a local start only: in production set DATA_KEY (and keep a copy of it), since without it ' +
      'the sealed fields of the event history cannot be read.',
  );
  return new MasterKeys(key, previous);
}

/** Why the stored data keys cannot be read with the configured master keys, and what to do about it. */
export function unknownMasterKeysMessage(unknown: readonly string[]): string {
  return (
    `DATA_KEY does not match the master key(s) ${unknown.join(', ')} that wrap the stored data keys. ` +
    'Set DATA_KEY to the key in use, or add it to DATA_KEY_PREVIOUS and run `npm run data-key:rotate`.'
  );
}
