import { Module } from '@nestjs/common';

/** The event relay: event store → BullMQ queues (worker side). */
@Module({})
export class RelayModule {}
