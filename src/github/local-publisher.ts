/**
 * The Publisher for the CLI and tests: log lines and annotations to a stream, the comment and summary to
 * files when asked (a local replay of what the action would post, as `danger pr` does).
 */
import { appendFileSync, existsSync, writeFileSync } from 'node:fs';
import type { Publisher } from './publisher.js';

export interface LocalPublisherOptions {
  /** Receives every line (info, warnings, annotations, outputs). */
  readonly write: (line: string) => void;
  /** File the comment body is written to (replaced on each upsert); without it the comment is not kept. */
  readonly commentFile?: string;
  /** File the summary is appended to. */
  readonly summaryFile?: string;
}

export interface LocalPublisher extends Publisher {
  /** Whether fail() was called (the CLI's exit code). */
  readonly failed: () => boolean;
  /** Outputs set so far. */
  readonly outputs: () => Readonly<Record<string, string>>;
}

export function localPublisher(o: LocalPublisherOptions): LocalPublisher {
  let failed = false;
  const outputs: Record<string, string> = {};
  return {
    async upsertComment(body) {
      const existed = o.commentFile !== undefined && existsSync(o.commentFile);
      if (o.commentFile) writeFileSync(o.commentFile, body);
      return { id: 0, action: existed ? 'updated' : 'created' };
    },
    async writeSummary(markdown) {
      if (o.summaryFile) appendFileSync(o.summaryFile, `${markdown}\n`);
    },
    setOutputs(values) {
      Object.assign(outputs, values);
      for (const [k, v] of Object.entries(values)) o.write(`output ${k}=${v}`);
    },
    annotate(a) {
      const where = a.file ? `${a.file}${a.startLine ? `:${a.startLine}` : ''}: ` : '';
      o.write(`${where}${a.level}: ${a.title}: ${a.message}`);
    },
    info(line) {
      o.write(line);
    },
    warning(line) {
      o.write(`warning: ${line}`);
    },
    fail(message, where) {
      failed = true;
      o.write(`${where?.file ? `${where.file}${where.startLine ? `:${where.startLine}` : ''}: ` : ''}error: ${message}`);
    },
    failed: () => failed,
    outputs: () => ({ ...outputs }),
  };
}
