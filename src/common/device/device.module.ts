import { Global, Module } from '@nestjs/common';

/** User-agent parsing and GeoIP lookups, shared by sessions (API) and the activity log (worker). */
@Global()
@Module({})
export class DeviceModule {}
