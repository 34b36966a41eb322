import { isoDateTime } from './datetime';

const parse = (value: unknown) => {
  const result = isoDateTime.parse(value);
  return result.ok ? result.value.toISOString() : 'refused';
};

describe('isoDateTime', () => {
  it('reads dates and date-times, UTC unless an offset is given', () => {
    expect(parse('2026-12-05T10:20:30.123Z')).toBe('2026-12-05T10:20:30.123Z');
    expect(parse('2026-12-05T10:20:30.123+00:00')).toBe('2026-12-05T10:20:30.123Z');
    expect(parse('2026-12-05T10:20:30+02:00')).toBe('2026-12-05T08:20:30.000Z');
    expect(parse('2026-12-05 10:20')).toBe('2026-12-05T10:20:00.000Z');
    expect(parse('2026-12-05')).toBe('2026-12-05T00:00:00.000Z');
    expect(parse('2026-12-05T10:20:30.123456789Z')).toBe('2026-12-05T10:20:30.123Z');
  });

  it('refuses what is not a real date and time', () => {
    for (const value of [
      '',
      'yesterday',
      '2026-02-30',
      '2026-12-05T24:00',
      '0999-01-01',
      '2026-12-05T10:20+15:00',
      5,
      null,
    ]) {
      expect(parse(value)).toBe('refused');
    }
  });
});
