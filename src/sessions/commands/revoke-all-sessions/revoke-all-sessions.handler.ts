import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { generateUniqueId } from '@libs/http/params';
import { SessionSweepRepository } from '../../infrastructure/session-sweep.repository';
import { SessionSweepsReader } from '../../infrastructure/session-sweeps.reader';

/** Answers the sweep's id: a new one, or the one still running (asking twice starts one sweep). */
export class RevokeAllSessionsCommand extends Command<string> {}

@CommandHandler(RevokeAllSessionsCommand)
export class RevokeAllSessionsHandler implements ICommandHandler<RevokeAllSessionsCommand> {
  constructor(
    private readonly sweeps: SessionSweepRepository,
    private readonly reader: SessionSweepsReader,
  ) {}

  async execute(): Promise<string> {
    const running = await this.reader.findRunning();
    if (running) return running.id;
    const sweepId = generateUniqueId();
    await this.sweeps.update(sweepId, (sweep) => sweep.request());
    return sweepId;
  }
}
