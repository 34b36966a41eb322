import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { NdjsonTail } from './ndjson-tail';

async function through(chunks: string[]): Promise<{ tail: NdjsonTail; seen: number[]; out: string }> {
  const seen: number[] = [];
  const tail = new NdjsonTail((count) => seen.push(count));
  let out = '';
  await pipeline(
    Readable.from(chunks.map((c) => Buffer.from(c))),
    tail,
    new Writable({
      write(chunk: Buffer, _encoding, callback) {
        out += chunk.toString();
        callback();
      },
    }),
  );
  return { tail, seen, out };
}

describe('NdjsonTail', () => {
  it('passes the bytes through and counts lines across chunk boundaries', async () => {
    const { tail, seen, out } = await through(['{"$id":"a"}\n{"$i', 'd":"b"}\n', '{"$id":"c"}\n']);
    expect(out).toBe('{"$id":"a"}\n{"$id":"b"}\n{"$id":"c"}\n');
    expect({ lines: tail.lines, bytes: tail.bytes, seen }).toEqual({
      lines: 3,
      bytes: out.length,
      seen: [1, 1, 1],
    });
    expect(tail.errorLine()).toBeUndefined();
  });

  it('finds the error line the service ends a failed export with, even split across chunks', async () => {
    const error = { message: 'Server Error', code: 500, type: 'general_unknown', version: '1.9.5' };
    const line = JSON.stringify({ error });
    const { tail } = await through([
      `{"$id":"a","name":"${'x'.repeat(40000)}"}\n${line.slice(0, 10)}`,
      `${line.slice(10)}\n`,
    ]);
    expect(tail.lines).toBe(2);
    expect(tail.errorLine()).toEqual(error);
  });

  it('does not take a user whose field holds such text for an error', async () => {
    const { tail } = await through(['{"$id":"a","name":"{\\"error\\":1}"}\n']);
    expect(tail.errorLine()).toBeUndefined();
  });
});
