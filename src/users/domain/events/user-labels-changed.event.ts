export class UserLabelsChangedEvent {
  static readonly type = 'user.labels.changed';
  constructor(readonly data: { labels: string[] }) {}
}
