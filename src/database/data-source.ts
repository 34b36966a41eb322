import type { MasterKeys } from '@libs/event-store';
import { DataSource } from 'typeorm';
import { ApiKeyEntity } from '../auth';
import { poolOptionsFromUrl } from './database-url';
import { InitialSchema1764000000000 } from './migrations/1764000000000-initial-schema';
import { RelayAndAudit1764100000000 } from './migrations/1764100000000-relay-and-audit';
import { Identities1764200000000 } from './migrations/1764200000000-identities';
import { Sessions1764300000000 } from './migrations/1764300000000-sessions';
import { SessionEpochs1764400000000 } from './migrations/1764400000000-session-epochs';
import { ConsumerProgress1764500000000 } from './migrations/1764500000000-consumer-progress';
import { DataKeys1764600000000 } from './migrations/1764600000000-data-keys';
import { DataKeysByMasterKey1764700000000 } from './migrations/1764700000000-data-keys-by-master-key';
import { ResealHistory1764800000000 } from './migrations/1764800000000-reseal-history';
import { EmailMetadata1765200000000 } from './migrations/1765200000000-email-metadata';
import { JwtKeysAndTokens1765100000000 } from './migrations/1765100000000-jwt-keys-and-tokens';
import { EventsByUser1765800000000 } from './migrations/1765800000000-events-by-user';
import { SessionSweeps1766300000000 } from './migrations/1766300000000-session-sweeps';
import { Impersonation1766410000000 } from './migrations/1766410000000-impersonation';
import { Mfa1766400000000 } from './migrations/1766400000000-mfa';
import { BansAndLockouts1765400000000 } from './migrations/1765400000000-bans-and-lockouts';
import { KeptSessions1765000000000 } from './migrations/1765000000000-kept-sessions';
import { Webhooks1765900000000 } from './migrations/1765900000000-webhooks';
import { UserTargets1765300000000 } from './migrations/1765300000000-user-targets';
import { AccessTokens1766420000000 } from './migrations/1766420000000-access-tokens';

export interface MigrationOptions {
  /** The master keys, for a migration that seals stored events; resolved only if one has events to seal. */
  masterKeys?: () => MasterKeys;
}

function migrations(url: string, options: MigrationOptions) {
  return [
    InitialSchema1764000000000,
    RelayAndAudit1764100000000,
    Identities1764200000000,
    Sessions1764300000000,
    SessionEpochs1764400000000,
    ConsumerProgress1764500000000,
    DataKeys1764600000000,
    DataKeysByMasterKey1764700000000,
    ResealHistory1764800000000.with({ databaseUrl: url, masterKeys: options.masterKeys }),
    EmailMetadata1765200000000,
    JwtKeysAndTokens1765100000000,
    EventsByUser1765800000000,
    SessionSweeps1766300000000,
    Impersonation1766410000000,
    Mfa1766400000000,
    BansAndLockouts1765400000000,
    KeptSessions1765000000000,
    Webhooks1765900000000,
    UserTargets1765300000000,
    AccessTokens1766420000000,
  ];
}

/** TypeORM owns the schema (migrations, never `synchronize`) and the small admin tables. */
export function createDataSource(url: string, migrationOptions: MigrationOptions = {}): DataSource {
  const options = poolOptionsFromUrl(url, 4);
  return new DataSource({
    type: 'mysql',
    host: options.host,
    port: options.port,
    username: options.user,
    password: options.password,
    database: options.database,
    timezone: 'Z',
    charset: 'utf8mb4_unicode_ci',
    entities: [ApiKeyEntity],
    migrations: migrations(url, migrationOptions),
    migrationsTableName: 'migrations',
    synchronize: false,
    logging: ['error'],
    extra: { connectionLimit: 4 },
  });
}
