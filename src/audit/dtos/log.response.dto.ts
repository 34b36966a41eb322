import { ApiProperty } from '@nestjs/swagger';

const DATE = '2020-10-15T06:38:00.000+00:00';

/** Appwrite's Log model (API.md §4.5), keys in Appwrite's order; every field is a string. */
export class LogModel {
  @ApiProperty({ example: 'users.5e5ea5c16897e.update.email' }) event!: string;
  @ApiProperty({ example: '5e5ea5c16897e', description: 'The user the event is about' }) userId!: string;
  @ApiProperty({ example: 'john@appwrite.io', description: 'The user\'s current email; `""` once deleted' })
  userEmail!: string;
  @ApiProperty({ example: 'John Doe', description: 'The user\'s current name; `""` once deleted' })
  userName!: string;
  @ApiProperty({ example: 'admin', description: '`admin` for API keys, `default` otherwise' }) mode!: string;
  @ApiProperty({ example: 'keyProject', description: 'Who acted: `keyProject` (API key), `user` or `guest`' })
  userType!: string;
  @ApiProperty({ example: '127.0.0.1' }) ip!: string;
  @ApiProperty({ example: DATE }) time!: string;
  @ApiProperty({ example: 'MAC' }) osCode!: string;
  @ApiProperty({ example: 'Mac' }) osName!: string;
  @ApiProperty({ example: '10.15' }) osVersion!: string;
  @ApiProperty({ example: 'browser' }) clientType!: string;
  @ApiProperty({ example: 'CH' }) clientCode!: string;
  @ApiProperty({ example: 'Chrome' }) clientName!: string;
  @ApiProperty({ example: '120.0' }) clientVersion!: string;
  @ApiProperty({ example: 'Blink' }) clientEngine!: string;
  @ApiProperty({ example: '120.0' }) clientEngineVersion!: string;
  @ApiProperty({ example: 'desktop' }) deviceName!: string;
  @ApiProperty({ example: 'Apple' }) deviceBrand!: string;
  @ApiProperty({ example: 'Macintosh' }) deviceModel!: string;
  @ApiProperty({ example: 'us', description: 'Lower-case ISO 3166-1 alpha-2; `--` when unknown' })
  countryCode!: string;
  @ApiProperty({ example: 'United States', description: '`Unknown` when unknown' }) countryName!: string;
  @ApiProperty({
    example: '',
    description:
      'Extension (not in Appwrite): the impersonator whose session made the change while acting as `userId` ' +
      '(the impersonation headers); `""` when nobody was impersonated. Appwrite keeps it in internal audit data.',
  })
  impersonatorId!: string;
}

/** Appwrite's LogList model: `total` is every log of the user, whatever the page. */
export class LogListModel {
  @ApiProperty({ example: 5, description: 'All logs of the user (0 when `total=false`)' }) total!: number;
  @ApiProperty({ type: [LogModel] }) logs!: LogModel[];
}
