/** A FileSource over bytes in memory, for loader tests (a missing file is the loaders' "file not found"). */
import { NaxUserError } from '../../src/errors.js';
import type { FileSource } from '../../src/io/files.js';

export function memorySource(files: Record<string, Uint8Array>, commit?: string): FileSource {
  return {
    label: commit ? `commit ${commit}` : 'memory',
    ...(commit ? { commit } : {}),
    async read(rel) {
      const f = files[rel];
      if (!f) throw new NaxUserError(rel, '', 'file not found');
      return f;
    },
    async exists(rel) {
      return rel in files;
    },
  };
}
