/**
 * A bounds-checked reader of the protocol buffers wire format (https://protobuf.dev/programming-guides/encoding/),
 * just enough to decode the ONNX ModelProto subset nax needs (proto.ts). Every read checks the remaining
 * length first, so a truncated or corrupted file ends in a WireError naming the byte offset, never in an
 * out-of-bounds read or a huge allocation.
 */

/** Wire types (protobuf encoding guide, "Message Structure"). */
export const WIRE = { varint: 0, i64: 1, len: 2, sgroup: 3, egroup: 4, i32: 5 } as const;

/** Malformed protobuf bytes; the loader turns it into a NaxUserError naming the file. */
export class WireError extends Error {}

export interface Field {
  readonly number: number;
  readonly wireType: number;
}

export class WireReader {
  private pos: number;
  private readonly end: number;

  constructor(
    private readonly buf: Uint8Array,
    start = 0,
    end = buf.length,
  ) {
    this.pos = start;
    this.end = end;
  }

  /** Absolute offset of the next byte (for messages). */
  get offset(): number {
    return this.pos;
  }

  done(): boolean {
    return this.pos >= this.end;
  }

  /** The next field key; field numbers are ≥ 1 and wire types 0–5. */
  key(): Field {
    const at = this.pos;
    const k = this.varint();
    const number = Math.floor(k / 8);
    const wireType = k % 8;
    if (number < 1 || wireType > 5) throw new WireError(`invalid field key at byte ${at}`);
    return { number, wireType };
  }

  /**
   * An unsigned varint as a JS number. Values above 2^53 (never meaningful for the sizes, counts and
   * enums nax reads) are refused rather than silently rounded; negative int64 (10-byte two's complement)
   * comes back through `int64()`.
   */
  varint(): number {
    let result = 0;
    let scale = 1;
    for (let i = 0; i < 10; i++) {
      if (this.pos >= this.end) throw new WireError(`truncated varint at byte ${this.pos}`);
      const b = this.buf[this.pos++];
      result += (b & 0x7f) * scale;
      if ((b & 0x80) === 0) return result;
      scale *= 128;
    }
    throw new WireError(`varint longer than 10 bytes at byte ${this.pos}`);
  }

  /** A signed int64 (two's complement in a varint); must fit in a safe JS integer. */
  int64(): number {
    const at = this.pos;
    let lo = 0n;
    let shift = 0n;
    for (let i = 0; i < 10; i++) {
      if (this.pos >= this.end) throw new WireError(`truncated varint at byte ${this.pos}`);
      const b = this.buf[this.pos++];
      lo |= BigInt(b & 0x7f) << shift;
      if ((b & 0x80) === 0) {
        const v = BigInt.asIntN(64, lo);
        if (v > BigInt(Number.MAX_SAFE_INTEGER) || v < BigInt(Number.MIN_SAFE_INTEGER)) {
          throw new WireError(`integer ${v} at byte ${at} is beyond ±2^53`);
        }
        return Number(v);
      }
      shift += 7n;
    }
    throw new WireError(`varint longer than 10 bytes at byte ${at}`);
  }

  float32(): number {
    this.need(4);
    const v = new DataView(this.buf.buffer, this.buf.byteOffset + this.pos, 4).getFloat32(0, true);
    this.pos += 4;
    return v;
  }

  float64(): number {
    this.need(8);
    const v = new DataView(this.buf.buffer, this.buf.byteOffset + this.pos, 8).getFloat64(0, true);
    this.pos += 8;
    return v;
  }

  /** A length-delimited field's bytes, as a view (no copy). */
  bytes(): Uint8Array {
    const n = this.varint();
    this.need(n);
    const v = this.buf.subarray(this.pos, this.pos + n);
    this.pos += n;
    return v;
  }

  string(): string {
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(this.bytes());
    } catch (e) {
      if (e instanceof WireError) throw e;
      throw new WireError(`invalid UTF-8 string before byte ${this.pos}`);
    }
  }

  /** A length-delimited sub-message as its own reader. */
  message(): WireReader {
    const n = this.varint();
    this.need(n);
    const r = new WireReader(this.buf, this.pos, this.pos + n);
    this.pos += n;
    return r;
  }

  /** Skips a field of no interest. Groups (deprecated, never used by ONNX) are refused. */
  skip(wireType: number): void {
    switch (wireType) {
      case WIRE.varint:
        this.varint();
        return;
      case WIRE.i64:
        this.need(8);
        this.pos += 8;
        return;
      case WIRE.len: {
        const n = this.varint();
        this.need(n);
        this.pos += n;
        return;
      }
      case WIRE.i32:
        this.need(4);
        this.pos += 4;
        return;
      default:
        throw new WireError(`unsupported wire type ${wireType} before byte ${this.pos}`);
    }
  }

  /**
   * A repeated scalar field, which writers may emit packed (one length-delimited run) or one value per
   * key; `one` reads a single value from a reader.
   */
  repeated(wireType: number, scalarWire: number, one: (r: WireReader) => number, into: number[]): void {
    if (wireType === WIRE.len) {
      const r = this.message();
      while (!r.done()) into.push(one(r));
    } else if (wireType === scalarWire) {
      into.push(one(this));
    } else {
      throw new WireError(`unexpected wire type ${wireType} for a repeated field before byte ${this.pos}`);
    }
  }

  private need(n: number): void {
    if (n > this.end - this.pos) throw new WireError(`truncated: ${n} bytes needed at byte ${this.pos}, ${this.end - this.pos} left`);
  }
}
