import { parseSearch, phraseCondition, phrasePattern } from './token-search';

describe('search input (Appwrite parity)', () => {
  it('turns Appwrite reserved characters into spaces and keeps prefix terms', () => {
    expect(parseSearch('a@b.com')).toEqual({ terms: ['a', 'b.com'] });
    expect(parseSearch('Jean-Luc (Picard)')).toEqual({ terms: ['jean', 'luc', 'picard'] });
    expect(parseSearch('+14155550100')).toEqual({ terms: ['14155550100'] });
    expect(parseSearch('label:vip')).toEqual({ terms: ['label:vip'] });
    expect(parseSearch('>')).toEqual({ terms: [] });
    expect(parseSearch('a"b')).toEqual({ terms: ['a', 'b'] });
  });

  it('reads an input that starts and ends with a double quote as a phrase of whole words', () => {
    expect(parseSearch('"a@b.com"')).toEqual({ terms: ['a', 'b', 'com'], phrase: ['a', 'b', 'com'] });
    expect(parseSearch('"Ada  Lovelace"')).toEqual({
      terms: ['ada', 'lovelace'],
      phrase: ['ada', 'lovelace'],
    });
    expect(parseSearch('"ada ada"')).toEqual({ terms: ['ada'], phrase: ['ada', 'ada'] });
    expect(parseSearch('"')).toEqual({ terms: [], phrase: [] });
    expect(parseSearch('"ada')).toEqual({ terms: ['ada'] });
  });

  it('matches a phrase as whole words in order, whatever separates them', () => {
    const re = (text: string, phrase: string) => {
      const pattern = phrasePattern(parseSearch(phrase).phrase!).replace('(?i)', '');
      return new RegExp(pattern, 'iu').test(text);
    };
    expect(re('a@b.com', '"a@b.com"')).toBe(true);
    expect(re('x.a@b.com', '"a@b.com"')).toBe(true);
    expect(re('aa@b.com', '"a@b.com"')).toBe(false);
    expect(re('a@b.community', '"a@b.com"')).toBe(false);
    expect(re('Ada Lovelace', '"ada lovelace"')).toBe(true);
    expect(re('Lovelace Ada', '"ada lovelace"')).toBe(false);
    expect(re('Adam Lovelace', '"ada lovelace"')).toBe(false);
  });

  it('checks a phrase on each given column, and nothing for an unquoted search', () => {
    expect(phraseCondition(parseSearch('ada'), ['u.name'])).toBeUndefined();
    expect(phraseCondition(parseSearch('"ada"'), ['u.name', 'u.email'])).toEqual({
      sql: '(u.name REGEXP ? OR u.email REGEXP ?)',
      params: [phrasePattern(['ada']), phrasePattern(['ada'])],
    });
  });
});
