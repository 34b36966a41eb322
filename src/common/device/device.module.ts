import { Global, Module } from '@nestjs/common';
import { GeoIpService } from './geoip.service';
import { DeviceDetector } from './user-agent';

/** User-agent parsing and GeoIP lookups, shared by sessions (API) and the activity log (worker). */
@Global()
@Module({
  providers: [GeoIpService, DeviceDetector],
  exports: [GeoIpService, DeviceDetector],
})
export class DeviceModule {}
