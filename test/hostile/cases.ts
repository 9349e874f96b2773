/**
 * The hostile-input corpus: one line per case, grouped by the class of defect it probes. Every case
 * turns a copy of the fixture project hostile, runs one nax command on it and expects exit 2 with one
 * line `nax: file: field: message` matching `line` (hostile.test.ts checks the rest: no stack trace,
 * the canary outside untouched, nothing of it or of the environment echoed, bounded time).
 * New cases are one line; a new class is a new block.
 */
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { edit, editJson, layersOf, linkTo, npy, type Sandbox } from './project.js';

export interface HostileCase {
  readonly cls: string;
  readonly name: string;
  /** Turns the project in `dir` hostile. */
  readonly prepare: (dir: string, sb: Sandbox) => void;
  /** nax arguments; default a cost run (loads config, model, mapping and technology). */
  readonly argv?: readonly string[];
  /** The one error line. */
  readonly line: RegExp;
}

const SIMULATE = ['simulate', '-q', '--samples', '1', '--images', '10'];
const yml = (dir: string, f: (t: string) => string) => edit(dir, 'nax.yml', f);
const firstDense = (m: any) => layersOf(m).find((l: any) => l.class_name === 'Dense');
const firstConv = (m: any) => layersOf(m).find((l: any) => l.class_name === 'Conv2D');

/** Every file nax reads, and the command that reads it. */
const READ_FILES: ReadonlyArray<readonly [string, readonly string[] | undefined]> = [
  ['nax.yml', undefined], ['mapping.json', undefined], ['technology.json', undefined], ['model/model.json', undefined],
  ['model/weights.bin', undefined], ['data/eval-images.npy', SIMULATE], ['data/eval-labels.npy', SIMULATE],
];
/** Where a committed symbolic link may point. */
const LINK_TARGETS: ReadonlyArray<readonly [string, (dir: string, sb: Sandbox) => string]> = [
  ['the canary (absolute)', (_d, sb) => sb.canary],
  ['the canary (relative)', (d, sb) => path.relative(d, sb.canary)],
  ['/dev/zero', () => '/dev/zero'],
  ['/proc/self/environ', () => '/proc/self/environ'],
  ['a folder outside', (_d, sb) => sb.outsideDir],
];

const symlinkCases: HostileCase[] = READ_FILES.flatMap(([file, argv]) => LINK_TARGETS.map(([what, target]) => ({
  cls: 'symlink out of the repository',
  name: `${file} → ${what}`,
  prepare: (dir: string, sb: Sandbox) => {
    // A link in a sub-folder is relative to that folder.
    const t = target(dir, sb);
    linkTo(dir, file, path.isAbsolute(t) ? t : path.relative(path.dirname(path.join(dir, file)), path.join(dir, t)));
  },
  ...(argv ? { argv } : {}),
  line: new RegExp(`^nax: ${file.replaceAll('.', '\\.')}: is a symbolic link`),
})));

/** A valid search result of one shard, for the forged variants below. */
function paretoDoc(): any {
  const c = (id: string, kind: string, extra: object = {}) => ({
    id, kind, label: id, accuracy: 0.9, accuracyStd: 0.01, idealAccuracy: 0.92, energyJ: 1e-5, delayS: 1e-3, areaMm2: 2, edap: 2e-8, ...extra,
  });
  return { schema: 'nax-pareto/1', objective: 'edap', candidates: [c('committed', 'committed'), c('searched-lambda-1', 'searched', { lambda: 1, folder: 'lambda-1' })], front: ['searched-lambda-1'], best: 'searched-lambda-1', beatsCommitted: true };
}
/** Forged pareto.json fields: merges act on them (the best candidate's folder becomes the best-dir output). */
const FORGED_PARETO: ReadonlyArray<readonly [string, (p: any) => any, RegExp]> = [
  ['a folder that climbs out', (p) => { p.candidates[1].folder = '../../../etc'; return p; }, /^nax: s1\/pareto\.json: candidates\[1\]\.folder: must be a relative folder below the search output/],
  ['an absolute folder', (p) => { p.candidates[1].folder = '/etc'; return p; }, /^nax: s1\/pareto\.json: candidates\[1\]\.folder: must be a relative folder/],
  ['an accuracy of 2', (p) => { p.candidates[0].accuracy = 2; return p; }, /^nax: s1\/pareto\.json: candidates\[0\]\.accuracy: must be ≤ 1, found 2$/],
  ['a best candidate that does not exist', (p) => { p.best = 'nobody'; return p; }, /^nax: s1\/pareto\.json: best: names no candidate$/],
  ['a duplicated candidate id', (p) => { p.candidates[1].id = 'committed'; return p; }, /^nax: s1\/pareto\.json: candidates\[1\]\.id: 'committed' appears twice$/],
  ['a foreign schema', (p) => { p.schema = 'evil/1'; return p; }, /^nax: s1\/pareto\.json: schema: expected "nax-pareto\/1"/],
  ['candidates that are not a list', (p) => { p.candidates = 'all of them'; return p; }, /^nax: s1\/pareto\.json: candidates: expected an array$/],
];

export const CASES: readonly HostileCase[] = [
  ...symlinkCases,
  { cls: 'symlink out of the repository', name: 'model folder → a folder outside', prepare: (d, sb) => linkTo(d, 'model', sb.outsideDir), line: /^nax: model\/model\.json: is a symbolic link/ },
  { cls: 'symlink out of the repository', name: 'dangling link as mapping', prepare: (d) => linkTo(d, 'mapping.json', 'nowhere.json'), line: /^nax: mapping\.json: is a symbolic link/ },
  { cls: 'symlink out of the repository', name: 'link loop as mapping', prepare: (d) => { linkTo(d, 'a.json', 'mapping.json'); linkTo(d, 'mapping.json', 'a.json'); }, line: /^nax: mapping\.json: is a symbolic link/ },

  { cls: 'path out of the repository', name: 'absolute model path', prepare: (d, sb) => yml(d, (t) => t.replace('model: model/model.json', `model: ${sb.canary}`)), line: /^nax: nax\.yml: model: absolute path/ },
  { cls: 'path out of the repository', name: 'mapping through ..', prepare: (d) => yml(d, (t) => t.replace('mapping: mapping.json', 'mapping: ../canary.txt')), line: /^nax: nax\.yml: mapping: path '\.\.\/canary\.txt' leaves its folder/ },
  { cls: 'path out of the repository', name: 'weight shard through ..', prepare: (d) => editJson(d, 'model/model.json', (m) => { m.weightsManifest[0].paths = ['../../canary.txt']; }), line: /^nax: model\/model\.json: weightsManifest\[0\]\.paths\[0\]: path '\.\.\/\.\.\/canary\.txt' leaves/ },
  { cls: 'path out of the repository', name: 'NUL byte in a path', prepare: (d) => yml(d, (t) => t.replace('technology: technology.json', 'technology: "technology.json\\0x"')), line: /^nax: nax\.yml: technology: path contains a NUL byte/ },

  { cls: 'not a regular file', name: 'FIFO as mapping (would block a read)', prepare: (d) => { execFileSync('rm', [path.join(d, 'mapping.json')]); execFileSync('mkfifo', [path.join(d, 'mapping.json')]); }, line: /^nax: mapping\.json: is not a regular file/ },
  { cls: 'not a regular file', name: 'folder as technology', prepare: (d) => { execFileSync('rm', [path.join(d, 'technology.json')]); mkdirSync(path.join(d, 'technology.json')); }, line: /^nax: technology\.json: is a folder/ },
  { cls: 'oversized file', name: 'model.json over the document cap', prepare: (d) => writeFileSync(path.join(d, 'model/model.json'), Buffer.alloc(8 * 1024 * 1024 + 1, 0x20)), line: /^nax: model\/model\.json: is 8388609 bytes, larger than the 8388608-byte cap/ },
  { cls: 'oversized file', name: 'mapping over the document cap', prepare: (d) => writeFileSync(path.join(d, 'mapping.json'), Buffer.alloc(9 * 1024 * 1024, 0x20)), line: /^nax: mapping\.json: is 9437184 bytes, larger than/ },

  { cls: 'contents echoed in errors', name: 'malformed JSON is not quoted', prepare: (d) => writeFileSync(path.join(d, 'mapping.json'), 'SECRET_TOKEN=abc123 not json'), line: /^nax: mapping\.json: malformed JSON \(or not UTF-8 text\)$/ },
  { cls: 'contents echoed in errors', name: 'malformed model.json is not quoted', prepare: (d) => writeFileSync(path.join(d, 'model/model.json'), 'GITHUB_TOKEN=ghp_x'), line: /^nax: model\/model\.json: malformed JSON \(or not UTF-8 text\)$/ },
  { cls: 'contents echoed in errors', name: 'malformed .npy header is not quoted', argv: SIMULATE, prepare: (d) => { const b = npy('<i8', [2], new BigInt64Array(2)); b.write('{SECRET_TOKEN=ab', 10, 'latin1'); writeFileSync(path.join(d, 'data/eval-labels.npy'), b); }, line: /^nax: data\/eval-labels\.npy: malformed \.npy header \(expected/ },

  { cls: 'allocation before validation', name: 'Dense units 3e7', prepare: (d) => editJson(d, 'model/model.json', (m) => { firstDense(m).config.units = 3e7; }), line: /^nax: model\/model\.json: modelTopology.*\]: layer '\w+' declares a kernel of \[\d+, 30000000\], the manifest holds/ },
  { cls: 'allocation before validation', name: 'Conv2D filters 1e6', prepare: (d) => editJson(d, 'model/model.json', (m) => { firstConv(m).config.filters = 1e6; }), line: /^nax: model\/model\.json: modelTopology.*\]: layer '\w+' declares a kernel of \[\d+, \d+, \d+, 1000000\]/ },
  { cls: 'allocation before validation', name: 'Conv2D kernel 999×999', prepare: (d) => editJson(d, 'model/model.json', (m) => { firstConv(m).config.kernel_size = [999, 999]; }), line: /^nax: model\/model\.json: modelTopology.*\]: layer '\w+' declares a kernel of \[999, 999, / },
  { cls: 'allocation before validation', name: 'input of 1e5×1e5 pixels', prepare: (d) => editJson(d, 'model/model.json', (m) => { layersOf(m)[0].config.batch_input_shape = [null, 100000, 100000, 1]; }), line: /^nax: model\/model\.json: modelTopology.*config\.batch_input_shape: input of 10000000000 elements/ },
  { cls: 'allocation before validation', name: 'units as a fraction', prepare: (d) => editJson(d, 'model/model.json', (m) => { firstDense(m).config.units = 2.5; }), line: /^nax: model\/model\.json: modelTopology.*config\.units: layer '\w+': expected a positive integer, found 2\.5/ },
  { cls: 'allocation before validation', name: 'manifest shape larger than its shard', prepare: (d) => editJson(d, 'model/model.json', (m) => { m.weightsManifest[0].weights[0].shape = [3, 3, 1, 8e6]; }), line: /^nax: model\/model\.json: weightsManifest\[0\]\.paths\[0\]: shard '.*' is truncated/ },

  { cls: 'unbounded numbers', name: '--samples 1e9', argv: ['simulate', '-q', '--samples', '1e9'], prepare: () => undefined, line: /^nax: --samples: must be ≤ 10000, found 1000000000$/ },
  { cls: 'unbounded numbers', name: '--seed 2^32 + 1', argv: ['simulate', '-q', '--seed', '4294967297'], prepare: () => undefined, line: /^nax: --seed: must be ≤ 4294967295, found 4294967297$/ },
  { cls: 'unbounded numbers', name: '--images 0', argv: ['simulate', '-q', '--images', '0'], prepare: () => undefined, line: /^nax: --images: must be ≥ 1, found 0$/ },
  { cls: 'unbounded numbers', name: '--workers 1e6', argv: ['simulate', '-q', '--workers', '1000000'], prepare: () => undefined, line: /^nax: --workers: must be ≤ 64, found 1000000$/ },
  { cls: 'unbounded numbers', name: '--samples not a number', argv: ['simulate', '-q', '--samples', '3; rm -rf'], prepare: () => undefined, line: /^nax: --samples: expected an integer, found "3; rm -rf"$/ },
  { cls: 'unbounded numbers', name: 'monteCarloSamples 1e9 in nax.yml', prepare: (d) => yml(d, (t) => t.replace(/monteCarloSamples: \d+/, 'monteCarloSamples: 1000000000')), line: /^nax: nax\.yml: simulation\.monteCarloSamples: must be ≤ 10000/ },
  { cls: 'unbounded numbers', name: 'evalImages 1e12 in nax.yml', prepare: (d) => yml(d, (t) => t.replace(/evalImages: \d+/, 'evalImages: 1000000000000')), line: /^nax: nax\.yml: simulation\.evalImages: must be ≤ 1000000/ },
  { cls: 'unbounded numbers', name: 'negative seed in nax.yml', prepare: (d) => yml(d, (t) => t.replace(/seed: \d+/, 'seed: -1')), line: /^nax: nax\.yml: simulation\.seed: must be ≥ 0/ },
  { cls: 'unbounded numbers', name: 'YAML alias bomb', prepare: (d) => writeFileSync(path.join(d, 'nax.yml'), `a: &a [x, x, x, x, x, x, x, x, x]\n${Array.from({ length: 12 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(9).fill(`*${String.fromCharCode(97 + i)}`).join(', ')}]`).join('\n')}\n`), line: /^nax: nax\.yml: (line \d+: )?malformed YAML|^nax: nax\.yml: \w+: unknown field/ },

  { cls: 'values that crash the physics', name: 'rOnOhm 1 Ω', prepare: (d) => editJson(d, 'technology.json', (t) => { t.device.rOnOhm = 1; }), line: /^nax: technology\.json: device\.rOnOhm: must be ≥ 100, found 1$/ },
  { cls: 'values that crash the physics', name: 'rSourceOhm 1 GΩ', prepare: (d) => editJson(d, 'technology.json', (t) => { t.wires = { ...(t.wires ?? {}), rSourceOhm: 1e9 }; }), line: /^nax: technology\.json: wires\.rSourceOhm: must be ≤ 1000000, found 1000000000$/ },
  { cls: 'values that crash the physics', name: 'onOffRatio below 1', prepare: (d) => editJson(d, 'technology.json', (t) => { t.device.onOffRatio = 0.5; }), line: /^nax: technology\.json: device\.onOffRatio: must be > 1/ },
  { cls: 'values that crash the physics', name: 'xbar conductance 1e10 S', argv: ['xbar', '--input', 'x.json'], prepare: (d) => writeFileSync(path.join(d, 'x.json'), JSON.stringify({ conductances: [[1e10, 1e-5]], voltages: [0.2], rWire: 1, rSource: 100, rSink: 100 })), line: /^nax: x\.json: conductances\[0\]\[0\]: must be ≤ 0\.01, found 10000000000$/ },
  { cls: 'values that crash the physics', name: 'xbar rSource 1e9 Ω', argv: ['xbar', '--input', 'x.json'], prepare: (d) => writeFileSync(path.join(d, 'x.json'), JSON.stringify({ conductances: [[1e-5, 1e-5]], voltages: [0.2], rWire: 1, rSource: 1e9, rSink: 100 })), line: /^nax: x\.json: rSource: must be ≤ 1000000/ },
  { cls: 'values that crash the physics', name: 'xbar voltage 1e9 V', argv: ['xbar', '--input', 'x.json'], prepare: (d) => writeFileSync(path.join(d, 'x.json'), JSON.stringify({ conductances: [[1e-5]], voltages: [1e9], rWire: 1, rSource: 1, rSink: 1 })), line: /^nax: x\.json: voltages\[0\]: must be ≤ 10/ },

  { cls: 'read-back values', name: 'labels beyond the model outputs', argv: SIMULATE, prepare: (d) => { writeImages(d, 0); writeFileSync(path.join(d, 'data/eval-labels.npy'), npy('<i8', [10], BigInt64Array.from({ length: 10 }, (_, i) => BigInt(i === 3 ? 1000 : 0)))); }, line: /^nax: data\/eval-labels\.npy: \[3\]: label 1000 is not one of the model's \d+ outputs/ },
  { cls: 'read-back values', name: 'pixels that overflow float32', argv: SIMULATE, prepare: (d) => { writeImages(d, 1e300); writeFileSync(path.join(d, 'data/eval-labels.npy'), npy('<i8', [10], new BigInt64Array(10))); }, line: /^nax: data\/eval-images\.npy: \[0\]: image 0 holds a pixel \(1e\+300\) that is not finite as float32/ },
  { cls: 'read-back values', name: 'npy shape claims 1e9 images', argv: SIMULATE, prepare: (d) => writeFileSync(path.join(d, 'data/eval-labels.npy'), npy('<i8', [1e9], new BigInt64Array(10))), line: /^nax: data\/eval-labels\.npy: / },
  { cls: 'read-back values', name: '__proto__ as a mapping layer', prepare: (d) => editJson(d, 'mapping.json', (m) => { m.layers = JSON.parse('{ "__proto__": { "rows": 16 } }'); }), line: /^nax: mapping\.json: layers\.__proto__: '__proto__' is reserved/ },
  { cls: 'read-back values', name: 'constructor as a mapping layer', prepare: (d) => editJson(d, 'mapping.json', (m) => { m.layers = { constructor: { rows: 16 } }; }), line: /^nax: mapping\.json: layers\.constructor: 'constructor' is reserved/ },
  { cls: 'read-back values', name: 'constructor as a model layer name', prepare: (d) => editJson(d, 'model/model.json', (m) => { firstDense(m).config.name = 'constructor'; }), line: /^nax: model\/model\.json: modelTopology.*config\.name: 'constructor' is reserved/ },
  { cls: 'read-back values', name: 'merged report with 124 % accuracy', argv: ['merge', 'a.json'], prepare: (d) => writeReport(d, 'a.json', (r) => { r.accuracy.nonIdeal.mean = 1.24; }), line: /^nax: a\.json: accuracy\.nonIdeal\.mean: must be ≤ 1, found 1\.24$/ },
  { cls: 'read-back values', name: 'merged report with a foreign schema', argv: ['merge', 'a.json'], prepare: (d) => writeReport(d, 'a.json', (r) => { r.schema = 'evil/9'; }), line: /^nax: a\.json: schema: expected "nax-report\/1", found "evil\/9"/ },
  { cls: 'read-back values', name: 'merged report that is null', argv: ['merge', 'a.json'], prepare: (d) => writeFileSync(path.join(d, 'a.json'), 'null'), line: /^nax: a\.json: expected an object, found null$/ },
  { cls: 'read-back values', name: 'merged report with negative crossbars', argv: ['merge', 'a.json'], prepare: (d) => writeReport(d, 'a.json', (r) => { r.totals.crossbars = -1; }), line: /^nax: a\.json: totals\.crossbars: must be ≥ 0, found -1$/ },
  { cls: 'read-back values', name: 'shard report claiming more right images than it holds', argv: ['merge', 'a.json'], prepare: (d) => writeReport(d, 'a.json', (r) => { r.shard = { index: 0, count: 1, images: { index: 0, count: 2, start: 0, total: 2 * r.settings.evalImages, idealCorrect: r.settings.evalImages + 1, quantisedCorrect: 0 } }; }), line: /^nax: a\.json: shard\.images\.idealCorrect: must be ≤ \d+, found \d+$/ },
  { cls: 'read-back values', name: 'shard report with NF sums for fewer samples', argv: ['merge', 'a.json'], prepare: (d) => writeReport(d, 'a.json', (r) => { r.shard = { index: 0, count: 1, nf: r.layers.map(() => ({ sum: [], columns: [] })) }; }), line: /^nax: a\.json: shard\.nf\[0\]: expected one sum and column count per sample \(\d+\)$/ },
  { cls: 'read-back values', name: 'merged report with a NaN sample', argv: ['merge', 'a.json'], prepare: (d) => writeReport(d, 'a.json', (r) => { r.accuracy.nonIdeal.samples[0] = 'NaN'; }), line: /^nax: a\.json: accuracy\.nonIdeal\.samples\[0\]: expected a finite number, found "NaN"$/ },
  { cls: 'read-back values', name: 'merged report as a link to the canary', argv: ['merge', 'a.json'], prepare: (d, sb) => linkTo(d, 'a.json', sb.canary), line: /^nax: a\.json: is a symbolic link/ },

  { cls: 'overwriting user files', name: '--json onto a user file', argv: ['cost', '-q', '--json', 'notes.json'], prepare: (d) => writeFileSync(path.join(d, 'notes.json'), '{"mine": true}'), line: /^nax: notes\.json: exists and is not a nax report .*not overwritten \(pass --force/ },
  { cls: 'overwriting user files', name: '--json onto a folder', argv: ['cost', '-q', '--json', 'data'], prepare: () => undefined, line: /^nax: data: is a folder; the report needs a file path$/ },
  { cls: 'overwriting user files', name: '--json below a file', argv: ['simulate', '-q', '--json', 'mapping.json/r.json'], prepare: () => undefined, line: /^nax: mapping\.json\/r\.json: cannot be written/ },
  { cls: 'overwriting user files', name: '--json onto a link to the canary', argv: ['cost', '-q', '--json', 'r.json'], prepare: (d, sb) => linkTo(d, 'r.json', sb.canary), line: /^nax: r\.json: exists and is not a regular file/ },
  { cls: 'unbounded numbers', name: 'search --eval-images that is no count', argv: ['search', '-q', '--eval-images', '12.5', '--out', 'o'], prepare: () => undefined, line: /^nax: --eval-images: expected 'all' or a whole number of images, found "12\.5"$/ },
  { cls: 'overwriting user files', name: 'search --out into a used folder', argv: ['search', '-q', '--budget', '1s', '--out', 'data'], prepare: () => undefined, line: /^nax: data: holds \d+ entries already; not overwritten/ },
  ...FORGED_PARETO.map(([name, change, line]): HostileCase => ({
    cls: 'read-back values', name: `merged search result with ${name}`, argv: ['merge', 's1', '--out', 'out'],
    prepare: (d) => { mkdirSync(path.join(d, 's1')); writeFileSync(path.join(d, 's1/pareto.json'), JSON.stringify(change(paretoDoc()))); },
    line,
  })),
  { cls: 'overwriting user files', name: 'merged search onto an existing page', argv: ['merge', 's1', '--out', 'out'], prepare: (d) => { mkdirSync(path.join(d, 's1')); writeFileSync(path.join(d, 's1/pareto.json'), '{}'); mkdirSync(path.join(d, 'out')); writeFileSync(path.join(d, 'out/pareto.html'), '<p>my page</p>'); }, line: /^nax: out\/pareto\.html: exists; not overwritten/ },
  { cls: 'overwriting user files', name: 'merged search onto an existing summary', argv: ['merge', 's1', '--out', 'out'], prepare: (d) => { mkdirSync(path.join(d, 's1')); writeFileSync(path.join(d, 's1/pareto.json'), '{}'); mkdirSync(path.join(d, 'out')); writeFileSync(path.join(d, 'out/summary.md'), 'my notes'); }, line: /^nax: out\/summary\.md: exists; not overwritten/ },
];

/** Ten float64 images of the model's input shape (read from model.json), every pixel `value`. */
function writeImages(dir: string, value: number): void {
  const shape: number[] = layersOf(JSON.parse(readFileSync(path.join(dir, 'model/model.json'), 'utf8')))[0].config.batch_input_shape.slice(1);
  const per = shape.reduce((a, b) => a * b, 1);
  writeFileSync(path.join(dir, 'data/eval-images.npy'), npy('<f8', [10, ...shape], new Float64Array(10 * per).fill(value)));
}

/** A valid shard report (the fixture's committed one), edited. */
function writeReport(dir: string, file: string, f: (r: any) => void): void {
  const r = JSON.parse(readReportFixture());
  f(r);
  writeFileSync(path.join(dir, file), JSON.stringify(r));
}

let reportText: string | undefined;
function readReportFixture(): string {
  if (reportText === undefined) {
    const name = readdirSync('fixtures/reports').find((n) => n.endsWith('.json'));
    reportText = readFileSync(path.join('fixtures/reports', name ?? 'missing.json'), 'utf8');
  }
  return reportText;
}
