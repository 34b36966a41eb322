/** The part of json8-merge-patch this service uses (the package ships no types). */
declare module 'json8-merge-patch' {
  /**
   * RFC 7396: applies `patch` to `doc` and returns the result. May mutate `doc`; objects it creates have a
   * `null` prototype. Throws on a `__proto__` key.
   */
  export function apply(doc: unknown, patch: unknown): unknown;
}
