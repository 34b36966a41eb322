/** The device module's public surface: what a request's user agent and IP say about its device and country. */
export { DeviceModule } from './device.module';
export type { CountryInfo, DeviceInfo } from './device.types';
export { GeoIpService } from './geoip.service';
export { parseUserAgent } from './user-agent';
