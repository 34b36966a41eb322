import { Global, Module } from '@nestjs/common';
import { EventDecoder, MysqlDataKeys } from '@libs/event-store';
import { DATA_KEYS } from '../database';
import { ALL_EVENTS, AnyEvent } from './all-events';

/** The one decode path, for every reader of stored events. */
export const EVENT_DECODER = Symbol('EVENT_DECODER');
export type AppEventDecoder = EventDecoder<AnyEvent>;

@Global()
@Module({
  providers: [
    {
      provide: EVENT_DECODER,
      inject: [DATA_KEYS],
      useFactory: (dataKeys: MysqlDataKeys): AppEventDecoder => new EventDecoder(ALL_EVENTS, dataKeys),
    },
  ],
  exports: [EVENT_DECODER],
})
export class EventsModule {}
