/**
 * Per-image correctness of one simulated chip, packed for reports: bit i (byte i >> 3, least significant bit
 * first) is 1 when image i of the evaluation set was classified right. Base64, so a 2,000-image sample costs
 * 336 characters and a report still diffs as text. Reports carry these so that merged shards, comment jobs and
 * other tools can recompute intervals from the data rather than trust a summary.
 */
import { Buffer } from 'node:buffer';

/** Packs 0/1 bytes into a base64 bitset. */
export function packCorrectness(correct: Uint8Array): string {
  const bytes = new Uint8Array((correct.length + 7) >> 3);
  for (let i = 0; i < correct.length; i++) if (correct[i]) bytes[i >> 3] |= 1 << (i & 7);
  return Buffer.from(bytes).toString('base64');
}

/**
 * Unpacks a base64 bitset of `images` bits into 0/1 bytes; undefined when the text is not canonical base64 of
 * exactly ⌈images/8⌉ bytes with zero padding bits (reports are untrusted input: a malformed bitset must not
 * become a silently different grid).
 */
export function unpackCorrectness(text: string, images: number): Uint8Array | undefined {
  const byteCount = (images + 7) >> 3;
  if (typeof text !== 'string' || text.length !== 4 * Math.ceil(byteCount / 3) || !/^[A-Za-z0-9+/]*={0,2}$/.test(text)) return undefined;
  const bytes = Buffer.from(text, 'base64');
  if (bytes.length !== byteCount || bytes.toString('base64') !== text) return undefined;
  if (images % 8 !== 0 && bytes[byteCount - 1] >> (images % 8) !== 0) return undefined;
  const out = new Uint8Array(images);
  for (let i = 0; i < images; i++) out[i] = (bytes[i >> 3] >> (i & 7)) & 1;
  return out;
}
