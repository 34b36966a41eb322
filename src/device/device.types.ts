/** Device fields of Appwrite's Session and Log models, from the request's User-Agent. Unknown values are `""`. */
export interface DeviceInfo {
  osCode: string;
  osName: string;
  osVersion: string;
  clientType: string;
  clientCode: string;
  clientName: string;
  clientVersion: string;
  clientEngine: string;
  clientEngineVersion: string;
  deviceName: string;
  deviceBrand: string;
  deviceModel: string;
}

/** Country of an IP: lower-case ISO 3166-1 alpha-2 and an English name, or `--` / `Unknown`. */
export interface CountryInfo {
  countryCode: string;
  countryName: string;
}
