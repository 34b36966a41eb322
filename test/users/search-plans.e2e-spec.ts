import { TestApp } from '../support/test-app';

/**
 * A common word (1,000+ matches) is searched by walking users in order, a rare one by collecting its matches:
 * both plans must give the same pages, totals and cursors.
 */
describe('GET /v1/users?search= on a common and a rare word', () => {
  let t: TestApp;
  const common: string[] = [];
  const rare: string[] = [];

  beforeAll(async () => {
    t = await TestApp.start();
    for (let i = 0; i < 1100; i += 20) {
      const batch = await Promise.all(
        Array.from({ length: 20 }, (_, j) =>
          t.createUser({ userId: `c${String(i + j).padStart(4, '0')}`, name: `Common Person ${i + j}` }),
        ),
      );
      common.push(...batch.map((u) => u.$id));
      if (i % 100 === 0) rare.push((await t.createUser({ userId: `r${i}`, name: `Rare Person ${i}` })).$id);
    }
    // Concurrent creations commit in any order: creation order is the sequence the store gave them.
    const [rows] = await t.db.query("SELECT id FROM users WHERE name LIKE 'Common%' ORDER BY sequence");
    common.splice(0, common.length, ...(rows as Array<{ id: string }>).map((r) => r.id));
  }, 120_000);
  afterAll(async () => {
    await t.stop();
  });

  const ids = async (query: string) => {
    const res = await t.request('GET', `/v1/users?${query}`);
    expect(res.status).toBe(200);
    return {
      total: res.body.total as number,
      ids: res.body.users.map((u: { $id: string }) => u.$id) as string[],
    };
  };

  it('pages a common word in creation order with its total', async () => {
    const first = await ids('search=common');
    expect(first).toEqual({ total: 1100, ids: common.slice(0, 25) });
    const q = encodeURIComponent(JSON.stringify({ method: 'cursorAfter', values: [common[24]] }));
    expect((await ids(`search=common&queries[0]=${q}`)).ids).toEqual(common.slice(25, 50));
    const offset = encodeURIComponent(JSON.stringify({ method: 'offset', values: [1090] }));
    expect((await ids(`search=comm&queries[0]=${offset}`)).ids).toEqual(common.slice(1090));
  });

  it('pages a rare word the same way', async () => {
    expect(await ids('search=rare')).toEqual({ total: rare.length, ids: rare });
  });

  it('combines a common word with a rare one and with filters', async () => {
    expect(await ids('search=person%20rare')).toEqual({ total: rare.length, ids: rare });
    const eq = encodeURIComponent(
      JSON.stringify({ method: 'equal', attribute: '$id', values: ['c0500', 'r500'] }),
    );
    expect(await ids(`search=person&queries[0]=${eq}`)).toEqual({ total: 2, ids: ['c0500', 'r500'] });
  });
});
