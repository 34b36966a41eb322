import * as argon2 from 'argon2';
import type { Argon2Params } from '@libs/passwords';

export interface Argon2Reference {
  params: Argon2Params;
  inFlight: number;
  hashes: number;
  seconds: number;
  hashesPerSecond: number;
  /** One hash alone on an idle machine. */
  singleHashMs: number;
  /** When it ran (e.g. `before POST`), and the scenarios it is compared with. */
  when?: string;
  for?: string[];
}

/**
 * What this machine can hash: `inFlight` concurrent `argon2.hash` calls (argon2id, the server's parameters)
 * for about `seconds`, in this process, while the server is idle. POST /v1/users hashes once per request,
 * so this is its ceiling.
 */
export async function measureArgon2(
  params: Argon2Params,
  seconds = 5,
  inFlight = 8,
): Promise<Argon2Reference> {
  const options: argon2.HashOptions = {
    type: argon2.argon2id,
    memoryCost: params.memoryCost,
    timeCost: params.timeCost,
    parallelism: params.parallelism,
  };
  // One call to load the native code and touch the memory once.
  await argon2.hash('warm-up password', options);
  const single = performance.now();
  await argon2.hash('one password alone', options);
  const singleHashMs = performance.now() - single;

  let hashes = 0;
  const started = performance.now();
  const until = started + seconds * 1000;
  const loop = async (lane: number) => {
    while (performance.now() < until) {
      await argon2.hash(`reference password ${lane} ${hashes}`, options);
      hashes += 1;
    }
  };
  await Promise.all(Array.from({ length: inFlight }, (_, lane) => loop(lane)));
  const elapsed = (performance.now() - started) / 1000;
  return { params, inFlight, hashes, seconds: elapsed, hashesPerSecond: hashes / elapsed, singleHashMs };
}
