import type { RowDataPacket } from 'mysql2/promise';

/** The Log model's keys (API.md §4.5) in Appwrite's order, each with its `activity_logs` column. */
export const LOG_FIELDS = [
  ['event', 'event'],
  ['userId', 'user_id'],
  ['userEmail', 'user_email'],
  ['userName', 'user_name'],
  ['mode', 'mode'],
  ['userType', 'user_type'],
  ['ip', 'ip'],
  ['time', 'time'],
  ['osCode', 'os_code'],
  ['osName', 'os_name'],
  ['osVersion', 'os_version'],
  ['clientType', 'client_type'],
  ['clientCode', 'client_code'],
  ['clientName', 'client_name'],
  ['clientVersion', 'client_version'],
  ['clientEngine', 'client_engine'],
  ['clientEngineVersion', 'client_engine_version'],
  ['deviceName', 'device_name'],
  ['deviceBrand', 'device_brand'],
  ['deviceModel', 'device_model'],
  ['countryCode', 'country_code'],
  ['countryName', 'country_name'],
  // Extension (not in Appwrite's Log model): see LogModel.impersonatorId.
  ['impersonatorId', 'impersonator_id'],
] as const;

export type LogKey = (typeof LOG_FIELDS)[number][0];

/** One activity log as stored: the Log fields (time as a Date) plus the event it came from. */
export type ActivityLogRecord = { [K in LogKey]: K extends 'time' ? Date : string } & {
  eventId: string;
  position: number;
};

export type ActivityLogRow = RowDataPacket & {
  [K in (typeof LOG_FIELDS)[number][1]]: K extends 'time' ? Date : string;
};
