import { writeFileSync } from 'node:fs';

/**
 * A minimal writer for the MaxMind DB format (https://maxmind.github.io/MaxMind-DB/), so tests can build small
 * GeoIP databases instead of shipping a licensed one. Supports 24-bit records, IPv4 or IPv6 trees (IPv4
 * networks live at `::/96` in the latter, like GeoLite2), and maps, UTF-8 strings, unsigned/signed integers,
 * doubles, booleans and arrays as values. Repeated strings are written once and referenced by pointer.
 */

/** A value a record may hold. Integers become uint32 (int32 if negative), other numbers doubles. */
export type MmdbValue = string | number | bigint | boolean | MmdbValue[] | { [key: string]: MmdbValue };

/** One network and the record stored for it, e.g. `{network: '81.2.69.0/24', country: {iso_code: 'GB'}}`. */
export interface MmdbNetwork {
  /** CIDR, IPv4 or IPv6. A more specific network overrides a broader one that contains it. */
  network: string;
  [field: string]: MmdbValue;
}

/** Metadata and tree options. */
export interface MmdbOptions {
  /** 6 (default) stores IPv4 networks under `::/96`; 4 accepts only IPv4 networks. */
  ipVersion?: 4 | 6;
  databaseType?: string;
  description?: string;
  languages?: string[];
  buildEpoch?: number;
}

const RECORD_SIZE = 24;
const MAX_RECORD = 2 ** RECORD_SIZE - 1;
const METADATA_MARKER = Buffer.from('abcdef4d61784d696e642e636f6d', 'hex'); // \xAB\xCD\xEF + "MaxMind.com"

enum Type {
  Pointer = 1,
  Utf8String = 2,
  Double = 3,
  Uint16 = 5,
  Uint32 = 6,
  Map = 7,
  Int32 = 8,
  Uint64 = 9,
  Array = 11,
  Boolean = 14,
}

/** Builds a database in memory. */
export function buildMmdb(networks: MmdbNetwork[], options: MmdbOptions = {}): Buffer {
  const ipVersion = options.ipVersion ?? 6;
  const data = new DataSection(true);
  const root: TreeNode = [EMPTY, EMPTY];

  // Broad networks first, so a narrower one later splits the broad leaf instead of being overwritten by it.
  const parsed = networks
    .map(({ network, ...record }) => ({ ...parseNetwork(network, ipVersion), record }))
    .sort((a, b) => a.prefix - b.prefix);
  const offsets = new Map<string, number>();
  for (const { bits, prefix, record } of parsed) {
    // Identical records share one copy in the data section, as in real databases.
    const key = JSON.stringify(record, (_k, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v));
    let offset = offsets.get(key);
    if (offset === undefined) {
      offset = data.write(record);
      offsets.set(key, offset);
    }
    insert(root, bits, prefix, { data: offset });
  }

  const nodes = numberNodes(root);
  const numbers = new Map(nodes.map((node, index) => [node, index]));
  const tree = Buffer.alloc(nodes.length * 6);
  // A record is a node number, the node count for "no data", or node count + 16 + a data-section offset.
  const recordValue = (child: Child): number => {
    if (child === EMPTY) return nodes.length;
    if (Array.isArray(child)) return numbers.get(child) as number;
    return nodes.length + 16 + child.data;
  };
  nodes.forEach((node, index) => {
    const [left, right] = node.map(recordValue);
    if (left > MAX_RECORD || right > MAX_RECORD) throw new Error('database too large for 24-bit records');
    tree.writeUIntBE(left, index * 6, 3);
    tree.writeUIntBE(right, index * 6 + 3, 3);
  });

  // Pointers in the metadata would be resolved against the data section, so it is written without them.
  const metadata = new DataSection(false);
  metadata.write(
    typed(Type.Map, {
      binary_format_major_version: typed(Type.Uint16, 2),
      binary_format_minor_version: typed(Type.Uint16, 0),
      build_epoch: typed(Type.Uint64, BigInt(options.buildEpoch ?? Math.floor(Date.now() / 1000))),
      database_type: options.databaseType ?? 'Test-Country',
      description: { en: options.description ?? 'Test database written by test/support/mmdb-writer.ts' },
      ip_version: typed(Type.Uint16, ipVersion),
      languages: options.languages ?? ['en'],
      node_count: typed(Type.Uint32, nodes.length),
      record_size: typed(Type.Uint16, RECORD_SIZE),
    }),
  );

  return Buffer.concat([tree, Buffer.alloc(16), data.toBuffer(), METADATA_MARKER, metadata.toBuffer()]);
}

/** Builds a database and writes it to `path`. */
export function writeMmdb(path: string, networks: MmdbNetwork[], options?: MmdbOptions): void {
  writeFileSync(path, buildMmdb(networks, options));
}

// ---- search tree ----

type TreeNode = [Child, Child];
type Child = TreeNode | { data: number } | typeof EMPTY;
const EMPTY = null;

function insert(root: TreeNode, bits: number[], prefix: number, leaf: { data: number }): void {
  let node = root;
  for (let depth = 0; depth < prefix - 1; depth++) {
    const side = bits[depth];
    let child = node[side];
    if (child === EMPTY || !Array.isArray(child)) {
      // Descending through a broader network's leaf: both halves keep that network's record.
      child = [child, child];
      node[side] = child;
    }
    node = child;
  }
  node[bits[prefix - 1]] = leaf;
}

/** Breadth-first numbering; node 0 must be the root. */
function numberNodes(root: TreeNode): TreeNode[] {
  const nodes: TreeNode[] = [root];
  for (let i = 0; i < nodes.length; i++) {
    for (const child of nodes[i]) if (Array.isArray(child)) nodes.push(child);
  }
  return nodes;
}

function parseNetwork(cidr: string, ipVersion: 4 | 6): { bits: number[]; prefix: number } {
  const [address, prefixText] = cidr.split('/');
  const bytes = address.includes(':') ? parseIPv6(address) : parseIPv4(address);
  if (!bytes) throw new Error(`invalid network address in "${cidr}"`);
  const width = bytes.length * 8;
  const prefix = prefixText === undefined ? width : Number(prefixText);
  if (!Number.isInteger(prefix) || prefix < 1 || prefix > width)
    throw new Error(`invalid prefix in "${cidr}"`);
  if (bytes.length === 16 && ipVersion === 4) throw new Error(`IPv6 network "${cidr}" in an IPv4 database`);
  const bits: number[] = [];
  if (bytes.length === 4 && ipVersion === 6) bits.push(...new Array<number>(96).fill(0));
  for (const byte of bytes) for (let bit = 7; bit >= 0; bit--) bits.push((byte >> bit) & 1);
  return { bits, prefix: prefix + (bits.length - width) };
}

function parseIPv4(address: string): number[] | undefined {
  const parts = address.split('.');
  if (parts.length !== 4 || !parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255)) return undefined;
  return parts.map(Number);
}

function parseIPv6(address: string): number[] | undefined {
  let text = address;
  // An embedded IPv4 tail (`::ffff:1.2.3.4`) stands for the last two groups.
  const dotted = /^(.*:)(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    const v4 = parseIPv4(dotted[2]);
    if (!v4) return undefined;
    text = `${dotted[1]}${((v4[0] << 8) | v4[1]).toString(16)}:${((v4[2] << 8) | v4[3]).toString(16)}`;
  }
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const groups = (part: string) => (part === '' ? [] : part.split(':'));
  const left = groups(halves[0]);
  const right = halves.length === 2 ? groups(halves[1]) : [];
  const missing = 8 - left.length - right.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return undefined;
  const hextets = [...left, ...new Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...right];
  if (!hextets.every((h) => /^[0-9a-f]{1,4}$/i.test(h))) return undefined;
  return hextets.flatMap((h) => [parseInt(h, 16) >> 8, parseInt(h, 16) & 0xff]);
}

// ---- data section ----

/** A value with an explicit wire type, for metadata fields whose type the format fixes. */
interface Typed {
  readonly type: Type;
  readonly value: unknown;
}
const TYPED = Symbol('typed');
function typed(type: Type, value: unknown): Typed & { [TYPED]: true } {
  return { type, value, [TYPED]: true };
}
function isTyped(value: unknown): value is Typed {
  return typeof value === 'object' && value !== null && TYPED in value;
}

class DataSection {
  private readonly chunks: Buffer[] = [];
  private length = 0;
  private readonly strings = new Map<string, number>();

  constructor(private readonly usePointers: boolean) {}

  /** Appends a value and returns its offset from the start of the section. */
  write(value: unknown): number {
    const offset = this.length;
    this.value(value);
    return offset;
  }

  toBuffer(): Buffer {
    return Buffer.concat(this.chunks);
  }

  private push(bytes: Buffer): void {
    this.chunks.push(bytes);
    this.length += bytes.length;
  }

  private value(value: unknown): void {
    if (isTyped(value)) return this.typedValue(value.type, value.value);
    switch (typeof value) {
      case 'string':
        return this.string(value);
      case 'boolean':
        return this.typedValue(Type.Boolean, value);
      case 'bigint':
        return this.typedValue(Type.Uint64, value);
      case 'number':
        if (Number.isInteger(value) && value >= 0 && value <= 0xffffffff)
          return this.typedValue(Type.Uint32, value);
        if (Number.isInteger(value) && value < 0 && value >= -0x80000000)
          return this.typedValue(Type.Int32, value);
        return this.typedValue(Type.Double, value);
      case 'object':
        if (Array.isArray(value)) return this.typedValue(Type.Array, value);
        if (value !== null) return this.typedValue(Type.Map, value);
    }
    throw new Error(`cannot store ${String(value)} in an MMDB record`);
  }

  private string(text: string): void {
    const seen = this.usePointers ? this.strings.get(text) : undefined;
    if (seen !== undefined) return this.pointer(seen);
    if (this.usePointers) this.strings.set(text, this.length);
    this.typedValue(Type.Utf8String, text);
  }

  private pointer(target: number): void {
    if (target < 2048) return this.push(Buffer.from([0x20 | (target >> 8), target & 0xff]));
    if (target < 526336) {
      const v = target - 2048;
      return this.push(Buffer.from([0x28 | (v >> 16), (v >> 8) & 0xff, v & 0xff]));
    }
    if (target < 526336 + 2 ** 27) {
      const v = target - 526336;
      return this.push(Buffer.from([0x30 | (v >> 24), (v >> 16) & 0xff, (v >> 8) & 0xff, v & 0xff]));
    }
    const bytes = Buffer.alloc(5);
    bytes[0] = 0x38;
    bytes.writeUInt32BE(target, 1);
    this.push(bytes);
  }

  private typedValue(type: Type, value: unknown): void {
    switch (type) {
      case Type.Utf8String: {
        const bytes = Buffer.from(value as string, 'utf8');
        this.push(Buffer.concat([control(type, bytes.length), bytes]));
        return;
      }
      case Type.Double: {
        const bytes = Buffer.alloc(8);
        bytes.writeDoubleBE(value as number);
        this.push(Buffer.concat([control(type, 8), bytes]));
        return;
      }
      case Type.Uint16:
      case Type.Uint32:
      case Type.Uint64:
        this.push(unsigned(type, BigInt(value as number | bigint)));
        return;
      case Type.Int32: {
        const bytes = Buffer.alloc(4);
        bytes.writeInt32BE(value as number);
        this.push(Buffer.concat([control(type, 4), bytes]));
        return;
      }
      case Type.Boolean:
        this.push(control(type, value ? 1 : 0));
        return;
      case Type.Array: {
        const items = value as unknown[];
        this.push(control(type, items.length));
        for (const item of items) this.value(item);
        return;
      }
      case Type.Map: {
        const entries = Object.entries(value as Record<string, unknown>);
        this.push(control(type, entries.length));
        for (const [key, item] of entries) {
          this.string(key);
          this.value(item);
        }
        return;
      }
    }
    throw new Error(`unsupported MMDB type ${type}`);
  }
}

/** Control byte(s): type in the top 3 bits (0 + an extra byte for types above 7), then the size. */
function control(type: Type, size: number): Buffer {
  const bytes: number[] = [];
  const extended = type > 7;
  let sizeBits: number;
  const sizeBytes: number[] = [];
  if (size < 29) {
    sizeBits = size;
  } else if (size < 285) {
    sizeBits = 29;
    sizeBytes.push(size - 29);
  } else if (size < 65821) {
    sizeBits = 30;
    sizeBytes.push((size - 285) >> 8, (size - 285) & 0xff);
  } else {
    const rest = size - 65821;
    sizeBits = 31;
    sizeBytes.push((rest >> 16) & 0xff, (rest >> 8) & 0xff, rest & 0xff);
  }
  bytes.push(((extended ? 0 : type) << 5) | sizeBits);
  if (extended) bytes.push(type - 7);
  bytes.push(...sizeBytes);
  return Buffer.from(bytes);
}

/** Unsigned integers are stored big-endian in as few bytes as the value needs (zero takes none). */
function unsigned(type: Type, value: bigint): Buffer {
  const payload: number[] = [];
  for (let rest = value; rest > 0n; rest >>= 8n) payload.unshift(Number(rest & 0xffn));
  return Buffer.concat([control(type, payload.length), Buffer.from(payload)]);
}
