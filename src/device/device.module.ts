import { Global, Module } from '@nestjs/common';
import { GeoIpService } from './geoip.service';

/** GeoIP lookups, shared by sessions (API) and the activity log (worker); user agents parse without state. */
@Global()
@Module({ providers: [GeoIpService], exports: [GeoIpService] })
export class DeviceModule {}
