import { EventDecoder, MysqlDataKeys } from '@libs/event-store';
import { createPool } from 'mysql2/promise';
import type { AppConfig } from '../../src/config/config';
import { poolOptionsFromUrl } from '../../src/database/database-url';
import { resolveMasterKeys, unknownMasterKeysMessage } from '../../src/database/master-keys';
import { describeMysqlFailure } from '../../src/database/mysql-failure';
import { ALL_EVENTS } from '../../src/events';
import {
  BarrierTimeoutError,
  formatDifference,
  ProjectionToolError,
  ProjectionTools,
  ReadModel,
} from '../../src/projections';
import type { ProjectionsArgs } from './args';
import { progressReporter } from './progress-bar';

class Failure extends Error {}

const plural = (n: number, word: string) => `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;

function ignoredColumns(models: readonly ReadModel[]): string {
  const ignored = models.flatMap((model) =>
    model.tables.flatMap((table) => (table.ignore ?? []).map((i) => `${table.name}.${i.column} (${i.why})`)),
  );
  return ignored.length > 0 ? `; not compared: ${ignored.join(', ')}` : '';
}

/** Runs verify or rebuild; returns the exit code, throws a one-line Error for a failure. */
export async function run(
  args: ProjectionsArgs,
  models: readonly ReadModel[],
  config: AppConfig,
): Promise<number> {
  const connection = poolOptionsFromUrl(config.DATABASE_URL, 8);
  const print = (line: string) => process.stdout.write(`${line}\n`);
  // The decoder as the service builds it (DatabaseModule's EVENT_DECODER): every module's events, sealed
  // fields opened with the data keys under the configured master keys.
  const keysPool = createPool({ ...connection, connectionLimit: 8 });
  const masterKeys = resolveMasterKeys(config, (message) => process.stderr.write(`${message}\n`));
  // The default cache (10,000 keys) is enough: a user's events are close together in the log.
  const dataKeys = new MysqlDataKeys(keysPool, masterKeys);
  const tools = new ProjectionTools({
    connection,
    decoder: new EventDecoder(ALL_EVENTS, dataKeys),
    reporter: progressReporter(),
    batch: args.batch,
    lockWaitSeconds: args.lockWait,
  });
  const started = Date.now();
  const seconds = () => ((Date.now() - started) / 1000).toFixed(1);
  const names = models.map((model) => model.name).join(', ');
  try {
    const unknown = await dataKeys.unknownMasterKeys();
    if (unknown.length > 0) throw new Failure(unknownMasterKeysMessage(unknown));
    if (args.command === 'verify') {
      const result = await tools.verify(models, args.show);
      for (const difference of result.shown) print(formatDifference(difference));
      if (result.differences > result.shown.length) {
        print(`… and ${plural(result.differences - result.shown.length, 'more difference')} (--show N)`);
      }
      const summary =
        result.differences === 0
          ? `${names}: the live tables match the events`
          : `${names}: ${plural(result.differences, 'difference')} between the live tables and the events`;
      print(
        `${summary} (${plural(result.events, 'event')} replayed to position ${result.position} in ` +
          `${seconds()} s${ignoredColumns(models)})`,
      );
      return result.differences === 0 ? 0 : 1;
    }
    const result = await tools.rebuild(models);
    print(
      `${names}: rebuilt from ${plural(result.events, 'event')} up to position ${result.position} and swapped ` +
        `in (${plural(result.caughtUp, 'event')} written during the rebuild caught up) in ${seconds()} s`,
    );
    return 0;
  } catch (error) {
    if (
      error instanceof Failure ||
      error instanceof ProjectionToolError ||
      error instanceof BarrierTimeoutError
    ) {
      throw error;
    }
    const problem = describeMysqlFailure(error, config.DATABASE_URL);
    if (problem) throw new Failure(problem);
    throw error;
  } finally {
    await tools.close();
    await keysPool.end().catch(() => undefined);
  }
}
