import { isoDateTime } from './datetime';

describe('isoDateTime', () => {
  it.each([
    ['2030-01-01T00:00:00.000+00:00', '2030-01-01T00:00:00.000Z'],
    ['2030-01-01T02:00:00+02:00', '2030-01-01T00:00:00.000Z'],
    ['2030-01-01T00:00:00Z', '2030-01-01T00:00:00.000Z'],
    ['2030-01-01T00:00:00.123456Z', '2030-01-01T00:00:00.123Z'],
    ['2030-01-01 00:00', '2030-01-01T00:00:00.000Z'],
    ['2030-01-01', '2030-01-01T00:00:00.000Z'],
  ])('%s is %s', (input, iso) => {
    const result = isoDateTime.parse(input);
    expect(result.ok && result.value.toISOString()).toBe(iso);
  });

  it.each([
    ['tomorrow'],
    ['2030-02-30T00:00:00Z'],
    ['2030-13-01'],
    [''],
    [123],
    [null],
    ['2030-01-01T25:00:00Z'],
  ])('refuses %p', (input) => {
    expect(isoDateTime.parse(input).ok).toBe(false);
  });
});
