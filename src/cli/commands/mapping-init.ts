/**
 * `nax mapping init [--config nax.yml] [--out file] [--force]`: writes a `mapping.json` skeleton for the
 * model nax.yml names (a tfjs layers model or ONNX): the default mapping, and one entry per matrix layer
 * holding its weight-matrix shape as a description, ready to be given its own crossbar. An existing file is
 * kept unless --force.
 */
import type { Command } from 'commander';
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { MAPPING_FIELD_DEFAULTS, MAPPING_SCHEMA, parseMapping, resolveMapping } from '../../config/mapping.js';
import type { Raw } from '../../config/fields.js';
import { NaxUserError } from '../../errors.js';
import { dirSource } from '../../io/files.js';
import { type NetworkGraph, matrixNodes } from '../../model/graph.js';
import { type CliIo, EXIT_OK } from '../context.js';
import { type BackendName, startBackend } from '../options.js';

/**
 * Crossbar size of the skeleton's defaults: 64×64, our assumption (the embedded fixtures' choice; PUMA's
 * MVMU is 128×128, ISAAC's 128×128 — smaller arrays suit the small models nax simulates in CI).
 */
export const SKELETON_CROSSBAR = 64;

/** The `nax-mapping/1` skeleton of a graph (pure). */
export function mappingSkeleton(graph: NetworkGraph, modelPath: string): Raw {
  const layers: Raw = {};
  for (const n of matrixNodes(graph)) {
    const s = n.shape;
    const rows = s.kernelH * s.kernelW * s.inChannels;
    const what = s.kind === 'dense'
      ? `dense ${s.inChannels} → ${s.outChannels}`
      : `conv ${s.kernelH}×${s.kernelW}, ${s.inChannels} → ${s.outChannels} channels, stride ${s.strideH}, ${s.outH}×${s.outW} out`;
    layers[n.name] = { description: `${what}: weight matrix ${rows} rows × ${s.outChannels} cols` };
  }
  return {
    schema: MAPPING_SCHEMA,
    description: `Written by nax mapping init for ${modelPath}: every matrix layer uses "defaults"; give a layer its own ` +
      'settings (rows, cols, weightBits, …) in its entry.',
    defaults: { rows: SKELETON_CROSSBAR, cols: SKELETON_CROSSBAR, ...MAPPING_FIELD_DEFAULTS },
    layers,
  };
}

/** Registers `mapping init` on the program. */
export function registerMappingInit(program: Command, io: CliIo, done: (code: number) => void): void {
  program
    .command('mapping')
    .description('mapping.json tools')
    .command('init')
    .description("write a mapping.json skeleton: every matrix layer of the model with its shape and the default mapping")
    .option('-c, --config <file>', 'path to nax.yml', 'nax.yml')
    .option('--out <file>', "where to write (default: nax.yml's mapping path)")
    .option('--force', 'overwrite an existing file', false)
    .option('--backend <name>', 'tfjs backend (tfjs models)', 'wasm')
    .action(async (o: { config: string; out?: string; force: boolean; backend: BackendName }) => {
      const { loadConfig, loadModel } = await import('../../pipeline.js');
      const abs = path.resolve(io.cwd, o.config);
      const root = path.dirname(abs);
      const source = dirSource(root);
      const { config } = await loadConfig(source, path.basename(abs));
      if (o.backend !== 'cpu' && o.backend !== 'wasm') throw new NaxUserError('--backend', '', `'${String(o.backend)}' is not a backend`, 'use wasm or cpu');
      await startBackend(o.backend);
      const { graph } = await loadModel(source, config.model);
      const target = o.out ? path.resolve(io.cwd, o.out) : path.join(root, config.mapping);
      const shown = path.relative(io.cwd, target) || target;
      if (existsSync(target) && !o.force) throw new NaxUserError(shown, '', 'already exists', 'pass --force to overwrite it');
      const doc = mappingSkeleton(graph, config.model);
      // The skeleton must load as written: every layer resolves.
      resolveMapping(parseMapping(doc, shown), matrixNodes(graph).map((n) => n.name), shown);
      writeFileSync(target, `${JSON.stringify(doc, null, 2)}\n`);
      io.out(`wrote ${shown}: ${matrixNodes(graph).length} matrix layers on ${SKELETON_CROSSBAR}×${SKELETON_CROSSBAR} crossbars by default`);
      done(EXIT_OK);
    });
}
