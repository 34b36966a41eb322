import { phone, phoneOrEmpty } from './phone';

describe('phone', () => {
  it.each<[string, string]>([
    ['7 digits, the minimum (CC 1 + 6)', '+1234567'],
    ['a US number', '+16175551212'],
    ['a UK number', '+441632960961'],
    ['15 digits, the maximum', '+123456789012345'],
    ['a non-geographic calling code', '+80012345678'],
    ['a number that is not possible for its country (parse still succeeds)', '+10000000'],
  ])('accepts %s', (_label, value) => {
    expect(phone.parse(value)).toEqual({ ok: true, value });
  });

  it.each<[string, unknown]>([
    ['6 digits', '+123456'],
    ['a leading 0 after +', '+0123456789'],
    ['16 digits', '+1234567890123456'],
    ['a space', '+1 6175551212'],
    ['dashes', '+1-617-555-1212'],
    ['no +', '16175551212'],
    ['a letter', '+1617555121a'],
    ['a trailing newline', '+16175551212\n'],
    ['an unknown calling code (999)', '+999123456789'],
    ['an unassigned calling code (28x)', '+2812345678'],
    ['empty', ''],
    ['a number', 16175551212],
    ['null', null],
  ])('rejects %s', (_label, value) => {
    expect(phone.parse(value)).toEqual({ ok: false });
  });

  it("has Appwrite's description", () => {
    expect(phone.description).toBe(
      "Phone number must start with a '+' can have a maximum of fifteen digits.",
    );
  });
});

describe('phoneOrEmpty', () => {
  it('accepts "" and valid numbers, rejects the rest', () => {
    expect(phoneOrEmpty.parse('')).toEqual({ ok: true, value: '' });
    expect(phoneOrEmpty.parse('+16175551212')).toEqual({ ok: true, value: '+16175551212' });
    expect(phoneOrEmpty.parse(' ').ok).toBe(false);
    expect(phoneOrEmpty.parse(null).ok).toBe(false);
    expect(phoneOrEmpty.description).toBe(phone.description);
  });
});
