/** Reading JSON documents through a FileSource with errors that name the file. */
import { createHash } from 'node:crypto';
import { NaxUserError } from '../errors.js';
import type { FileSource } from './files.js';

export function sha256(bytes: Uint8Array): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
}

export interface JsonDocument {
  readonly value: unknown;
  readonly sha256: string;
}

export async function readJson(source: FileSource, relPath: string): Promise<JsonDocument> {
  const bytes = await source.read(relPath);
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (e) {
    throw new NaxUserError(relPath, '', `malformed JSON: ${(e as Error).message}`);
  }
  return { value, sha256: sha256(bytes) };
}
