/** Reading JSON documents through a FileSource with errors that name the file. */
import { createHash } from 'node:crypto';
import { NaxUserError } from '../errors.js';
import type { FileSource } from './files.js';

export function sha256(bytes: Uint8Array): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
}

/**
 * Why JSON text did not parse, without quoting it: V8's messages quote the text, and the text may be
 * whatever a committed symlink or a hostile file holds.
 */
export function jsonSyntaxMessage(e: unknown): string {
  const at = /position (\d+)/.exec(e instanceof Error ? e.message : '');
  if (/Unexpected end/.test(e instanceof Error ? e.message : '')) return 'malformed JSON: it ends too early';
  return at ? `malformed JSON at character ${at[1]}` : 'malformed JSON (or not UTF-8 text)';
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
    throw new NaxUserError(relPath, '', jsonSyntaxMessage(e));
  }
  return { value, sha256: sha256(bytes) };
}
