import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../config';
import { ApiKeysRepository } from './infrastructure/api-keys.repository';

export const NO_USABLE_KEY_WARNING =
  'No API key can authenticate (API_KEY is not set and no unexpired key is stored), so every API route answers ' +
  '401: create one with `npm run keys:create -- --scopes users.read,users.write --name admin`, or set API_KEY';

/**
 * Says so at start when nothing could call the API: a service that answers 401 to everything looks broken, and
 * the reason is otherwise invisible in the logs.
 */
@Injectable()
export class StartupKeyCheck implements OnApplicationBootstrap {
  private readonly logger = new Logger('Auth');

  constructor(
    private readonly keys: ApiKeysRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.API_KEY) return;
    try {
      if (!(await this.keys.anyUsable())) this.logger.warn(NO_USABLE_KEY_WARNING);
    } catch {
      // MySQL unreachable right after the migrations: the outage is reported on its own; no guess here.
    }
  }
}
