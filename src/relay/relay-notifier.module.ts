import { Module } from '@nestjs/common';

/** Wakes the relay right after each commit (API side). */
@Module({})
export class RelayNotifierModule {}
