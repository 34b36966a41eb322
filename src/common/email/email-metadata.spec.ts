import { canonicalEmail, parseEmail } from './email-canonical';
import { emailMetadata } from './email-metadata';

const canonical = (email: string) => {
  const parsed = parseEmail(email);
  return parsed && canonicalEmail(parsed);
};

describe('canonical email (utopia-php/emails rules)', () => {
  it.each([
    ['John.Doe+news@Gmail.com', 'johndoe@gmail.com'],
    ['j.o.h.n@googlemail.com', 'john@gmail.com'],
    ['+tag@gmail.com', '+tag@gmail.com'],
    ['jane.doe+x@hotmail.co.uk', 'jane.doe@outlook.com'],
    ['jane+x@live.nl', 'jane@outlook.com'],
    ['first-last-shopping@ymail.com', 'first-last@yahoo.com'],
    ['first+x@yahoo.com', 'first+x@yahoo.com'],
    ['tim+apple@me.com', 'tim@icloud.com'],
    ['a.b+c@pm.me', 'a.b+c@protonmail.com'],
    ['a.b+c@fastmail.fm', 'a.b+c@fastmail.com'],
    ['a.b+c@walla.com', 'a.b+c@walla.co.il'],
    ['a.b+c@yandex.ru', 'a.b+c@yandex.ru'],
    ['  Cristiano.Ronaldo@Manchester-United.co.uk ', 'cristiano.ronaldo@manchester-united.co.uk'],
  ])('%s → %s', (email, expected) => {
    expect(canonical(email)).toBe(expected);
  });

  it('refuses what Appwrite refuses: no single @, an empty side, nothing left of a local part', () => {
    expect(canonical('a@b@c.com')).toBeUndefined();
    expect(canonical('@gmail.com')).toBeUndefined();
    expect(canonical('a@')).toBeUndefined();
    expect(canonical('...@gmail.com')).toBeUndefined();
    expect(canonical('-x@yahoo.com')).toBeUndefined();
  });
});

describe('email metadata', () => {
  it('is all null without an address or for one Appwrite cannot parse', () => {
    const none = {
      emailCanonical: null,
      emailIsCanonical: null,
      emailIsCorporate: null,
      emailIsDisposable: null,
      emailIsFree: null,
    };
    expect(emailMetadata(null)).toEqual(none);
    expect(emailMetadata('..@gmail.com')).toEqual(none);
  });

  it('says free, disposable or corporate by the exact domain; disposable wins over free', () => {
    expect(emailMetadata('john.doe@gmail.com')).toEqual({
      emailCanonical: 'johndoe@gmail.com',
      emailIsCanonical: false,
      emailIsCorporate: false,
      emailIsDisposable: false,
      emailIsFree: true,
    });
    // mailinator.com is on the free providers' list and on the disposable ones.
    expect(emailMetadata('x@mailinator.com')).toMatchObject({
      emailIsDisposable: true,
      emailIsFree: false,
      emailIsCorporate: false,
    });
    expect(emailMetadata('x@throwaway.email')).toMatchObject({ emailIsDisposable: true });
    expect(emailMetadata('x@hey.com')).toMatchObject({ emailIsFree: true });
    expect(emailMetadata('cristiano.ronaldo@manchester-united.co.uk')).toEqual({
      emailCanonical: 'cristiano.ronaldo@manchester-united.co.uk',
      emailIsCanonical: true,
      emailIsCorporate: true,
      emailIsDisposable: false,
      emailIsFree: false,
    });
    expect(emailMetadata('x@mail.gmail.com')).toMatchObject({ emailIsFree: false, emailIsCorporate: true });
  });
});
