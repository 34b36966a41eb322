/** Users who share a password hash algorithm and parameters. */
export interface HashStat {
  /** Appwrite's name for the algorithm (`argon2`, `bcrypt`, `md5`, `sha`, `phpass`, `scrypt`, `scryptMod`). */
  algorithm: string;
  /** The argon2 parameters as the hash writes them (`m=19456,p=1,t=2`); `''` for other algorithms. */
  parameters: string;
  /** For argon2id over a legacy hash: the legacy algorithm; otherwise null. */
  wrapped: string | null;
  users: number;
  /** A plain argon2id hash at the current parameters: nothing left to upgrade. */
  current: boolean;
}

/** How far the move of imported hashes to argon2id has come. */
export interface HashStats {
  /** Users with a password. */
  total: number;
  /** Users whose hash is upgraded at their next login. */
  pending: number;
  withoutPassword: number;
  /** Largest groups first. */
  hashes: HashStat[];
}
