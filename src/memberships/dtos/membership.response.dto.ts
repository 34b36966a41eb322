import { ApiProperty } from '@nestjs/swagger';

const DATE = '2020-10-15T06:38:00.000+00:00';

/** Appwrite's Membership model (1.9.5+); every field is always present. */
export class MembershipModel {
  @ApiProperty({ example: '5e5ea5c16897e' }) $id!: string;
  @ApiProperty({ example: DATE }) $createdAt!: string;
  @ApiProperty({ example: DATE }) $updatedAt!: string;
  @ApiProperty({ example: '5e5ea5c16897e' }) userId!: string;
  @ApiProperty({ example: 'John Doe' }) userName!: string;
  @ApiProperty({ example: 'john@appwrite.io' }) userEmail!: string;
  @ApiProperty({ example: '', description: 'Always `""` on this route (as in Appwrite)' }) userPhone!: string;
  @ApiProperty({ example: '5e5ea5c16897e' }) teamId!: string;
  @ApiProperty({ example: 'VIP' }) teamName!: string;
  @ApiProperty({ example: DATE }) invited!: string;
  @ApiProperty({ example: DATE, description: '`""` until the invitation is accepted' }) joined!: string;
  @ApiProperty({ example: false }) confirm!: boolean;
  @ApiProperty({ example: false, description: 'Always `false` on this route (as in Appwrite)' })
  mfa!: boolean;
  @ApiProperty({ example: '', description: 'Always `""` on this route (as in Appwrite)' })
  userAccessedAt!: string;
  @ApiProperty({ type: [String], example: ['owner'] }) roles!: string[];
}

export class MembershipListModel {
  @ApiProperty({ example: 0, description: "The number of memberships in this page (Appwrite's rule)" })
  total!: number;
  @ApiProperty({ type: [MembershipModel] }) memberships!: MembershipModel[];
}
