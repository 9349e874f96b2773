/**
 * Hostile inputs (issue 9): every case of cases.ts, run through the CLI in this process. Each must end
 * with exit 2 and exactly one line naming the file and field — no stack trace — without reading the
 * canary file outside the case folder (its access time is checked), without echoing the canary or an
 * environment secret (a link to /proc/self/environ would), and within a bounded time (a read of
 * /dev/zero or an allocation from a hostile size would not end, or end the process).
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { EXIT_USAGE, main } from '../../src/cli.js';
import { CASES } from './cases.js';
import { CANARY_TEXT, copyProject, makeSandbox, type Sandbox } from './project.js';

/** Generous: the slowest case loads the model once (a second on a shared 2-core machine). */
const CASE_BOUND_S = 20;
const SECRET = `nax-hostile-secret-${process.pid}`;

let root: string;
let sb: Sandbox;

beforeAll(() => {
  process.env.NAX_HOSTILE_SECRET = SECRET;
  root = mkdtempSync(path.join(tmpdir(), 'nax-hostile-'));
  sb = makeSandbox(root);
  // The "canary not read" checks rely on access times: prove this file system records them, or every such
  // check would pass whatever nax does (noatime mounts).
  const wasRead = sb.arm();
  readFileSync(sb.canary);
  if (!wasRead()) throw new Error('this file system does not record access times (noatime): the canary checks cannot work here');
});
afterAll(() => {
  delete process.env.NAX_HOSTILE_SECRET;
  rmSync(root, { recursive: true, force: true });
});

const byClass = new Map<string, typeof CASES[number][]>();
for (const c of CASES) byClass.set(c.cls, [...(byClass.get(c.cls) ?? []), c]);

test(`the corpus holds at least 60 cases (${CASES.length}) in ${byClass.size} classes`, () => {
  expect(CASES.length).toBeGreaterThanOrEqual(60);
  expect(new Set(CASES.map((c) => `${c.cls}: ${c.name}`)).size).toBe(CASES.length);
});

for (const [cls, cases] of byClass) {
  describe(cls, () => {
    test.each(cases.map((c, i) => [c.name, c, i] as const))('%s', async (_name, c, i) => {
      const dir = path.join(root, `${cls.replace(/\W+/g, '-')}-${i}`);
      mkdirSync(dir);
      copyProject(dir);
      c.prepare(dir, sb);
      const wasRead = sb.arm();
      let out = '';
      let err = '';
      const t0 = performance.now();
      const code = await main(['node', 'nax', ...(c.argv ?? ['cost', '-q'])], {
        out: (t) => (out += `${t}\n`),
        err: (t) => (err += `${t}\n`),
        cwd: dir,
      });
      const seconds = (performance.now() - t0) / 1000;
      const lines = err.trim().split('\n');
      expect({ code, lines }).toEqual({ code: EXIT_USAGE, lines: [expect.stringMatching(c.line)] });
      expect(err).not.toMatch(/\n\s+at |internal error/);
      expect(out + err).not.toContain(CANARY_TEXT.slice(0, 16));
      expect(out + err).not.toContain(SECRET);
      expect(wasRead()).toBe(false);
      expect(seconds).toBeLessThan(CASE_BOUND_S);
      rmSync(dir, { recursive: true, force: true });
    });
  });
}
