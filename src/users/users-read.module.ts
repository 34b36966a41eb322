import { Module } from '@nestjs/common';
import { UsersReader } from './infrastructure/users.reader';

/** Users' public readers, for modules (and worker contexts) that read users but serve none of its routes. */
@Module({ providers: [UsersReader], exports: [UsersReader] })
export class UsersReadModule {}
