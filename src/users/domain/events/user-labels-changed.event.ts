export class UserLabelsChangedEvent {
  static readonly type = 'user.labels.changed';
  readonly type = UserLabelsChangedEvent.type;
  constructor(readonly data: { labels: string[] }) {}
}
