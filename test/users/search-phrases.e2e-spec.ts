import { TestApp } from '../support/test-app';

/** `search` reads quotes and Appwrite's reserved characters as Appwrite 1.9.5 does. */
describe('users search: phrases and reserved characters', () => {
  let t: TestApp;
  let ada: string;
  let adam: string;
  beforeAll(async () => {
    t = await TestApp.start();
    ada = (await t.createUser({ email: 'a@b.com', name: 'Ada Lovelace' })).$id;
    adam = (await t.createUser({ email: 'aa@b.community', name: 'Adam Lovelace-Byron' })).$id;
    await t.createUser({ email: 'c@d.org', name: 'Lovelace Ada' });
  });
  afterAll(async () => {
    await t.stop();
  });

  const search = async (text: string): Promise<string[]> => {
    const res = await t.request('GET', `/v1/users?search=${encodeURIComponent(text)}`);
    expect(res.status).toBe(200);
    return (res.body.users as Array<{ $id: string }>).map((u) => u.$id);
  };
  const searchQuery = async (attribute: string, text: string): Promise<string[]> => {
    const query = JSON.stringify({ method: 'search', attribute, values: [text] });
    const res = await t.request('GET', `/v1/users?queries[]=${encodeURIComponent(query)}`);
    expect(res.status).toBe(200);
    return (res.body.users as Array<{ $id: string }>).map((u) => u.$id);
  };

  it('finds an address in quotes as a phrase: whole words, in order', async () => {
    expect(await search('"a@b.com"')).toEqual([ada]);
    expect(await search('"A@B.COM"')).toEqual([ada]);
    expect(await searchQuery('email', '"a@b.com"')).toEqual([ada]);
    expect(await searchQuery('name', '"a@b.com"')).toEqual([]);
  });

  it('matches a quoted name only with the words next to each other, whole, in that order', async () => {
    expect(await search('"ada lovelace"')).toEqual([ada]);
    expect(await search('"lovelace byron"')).toEqual([adam]);
    expect(await search('"ada love"')).toEqual([]);
  });

  it('keeps prefix matching without quotes, with reserved characters read as spaces', async () => {
    expect((await search('ada lovelace')).sort()).toHaveLength(3);
    // `a` and `b.com` as prefixes: the address and aa@b.community; quoted, only the address (above).
    expect(await search('a@b.com')).toEqual([ada, adam]);
    expect(await search('adam+byron')).toEqual([adam]);
    expect((await search('(lovelace)')).length).toBe(3);
  });

  it('finds nothing for input that is only reserved characters, as Appwrite', async () => {
    expect(await search('>')).toEqual([]);
    expect(await search('"')).toEqual([]);
    expect(await search('""')).toEqual([]);
  });
});
