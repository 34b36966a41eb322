import { prefixPattern, searchTerms, SearchField, userSearchTokens, wordsOf } from './user-search-tokens';

describe('user search tokens', () => {
  it('gives an email the whole address and every tail after a separator (so domains are found)', () => {
    expect(wordsOf('Cristiano.Ronaldo@Manchester-United.co.uk')).toEqual([
      'cristiano.ronaldo@manchester-united.co.uk',
      'ronaldo@manchester-united.co.uk',
      'manchester-united.co.uk',
      'united.co.uk',
      'co.uk',
      'uk',
    ]);
  });

  it('splits names on whitespace and separators', () => {
    expect(wordsOf('  Jean-Luc   Picard ')).toEqual(['jean-luc', 'luc', 'picard']);
    expect(wordsOf('...')).toEqual(['...']);
  });

  it('gives every field its own tokens and labels both a search and an exact token', () => {
    const tokens = userSearchTokens({
      id: 'u1',
      name: 'Ada Lovelace',
      email: null,
      phone: '+14155550100',
      labels: ['VIP'],
    });
    expect(tokens).toEqual(
      expect.arrayContaining([
        ['u1', SearchField.ID],
        ['ada', SearchField.NAME],
        ['lovelace', SearchField.NAME],
        ['+14155550100', SearchField.PHONE],
        ['14155550100', SearchField.PHONE],
        ['label:vip', SearchField.LABEL],
        ['VIP', SearchField.LABEL_EXACT],
      ]),
    );
  });

  it('caps tokens and terms at 64 characters and terms at ten', () => {
    expect(wordsOf('x'.repeat(100))[0]).toHaveLength(64);
    expect(searchTerms('a b c d e f g h i j k l')).toHaveLength(10);
    expect(searchTerms('  Ada   ada ')).toEqual(['ada']);
    expect(searchTerms('   ')).toEqual([]);
  });

  it('escapes LIKE wildcards so user input is matched literally', () => {
    expect(prefixPattern('100%_\\')).toBe('100\\%\\_\\\\%');
  });
});
