import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An API key; only a SHA-256 of the secret is stored (keys are 256-bit random, so no slow hash is needed). */
@Entity({ name: 'api_keys' })
export class ApiKeyEntity {
  @PrimaryColumn({ type: 'char', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 128 })
  name!: string;

  @Column({ name: 'secret_hash', type: 'char', length: 64 })
  secretHash!: string;

  /** JSON array of scope names. */
  @Column({ type: 'text' })
  scopes!: string;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  expire!: Date | null;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt!: Date;
}
