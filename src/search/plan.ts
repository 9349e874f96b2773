/**
 * The search plan: the search space of nax.yml resolved against one model. Every check that needs the
 * model happens here, before any training starts, and fails with a NaxUserError naming the nax.yml
 * field: unknown layers, kernels that cannot fit the feature map, a zero op on a projection block.
 */
import type { LayerMapping } from '../config/mapping.js';
import { losslessAdcBits } from '../config/mapping.js';
import type { SearchSpace } from '../config/search-space.js';
import { NaxUserError } from '../errors.js';
import type { GraphNode, MatrixNode, NetworkGraph } from '../model/graph.js';
import { matrixNodes } from '../model/graph.js';

/** One candidate op of a mixed layer: a (kernel, crossbar) pair, or the zero op that skips the layer's block. */
export type SearchOp =
  | { readonly kind: 'path'; readonly kernel: number; readonly crossbar: number }
  | { readonly kind: 'zero' };

/** A residual block found in the graph: an add whose one input is a chain of matrix layers from the other's source. */
export interface ResidualBlock {
  /** Name of the add node. */
  readonly add: string;
  /** Node whose output enters both the branch and (directly or through the projection) the add. */
  readonly input: string;
  /** Matrix layers of the branch, in forward order. */
  readonly branch: readonly string[];
  /** Every node of the branch (matrix and glue), in forward order. */
  readonly branchNodes: readonly string[];
  readonly shortcut: 'identity' | 'projection';
  /** The 1×1 (or other) projection layer of the shortcut, for projection blocks. */
  readonly projection?: string;
}

export interface MixedLayer {
  /** Matrix node name (= model layer name). */
  readonly name: string;
  readonly ops: readonly SearchOp[];
  /** The committed model's kernel size (square). */
  readonly committedKernel: number;
  /** The committed mapping's crossbar size (rows). */
  readonly committedCrossbar: number;
  /** Whether the kernel size is searched (false: crossbar size only). */
  readonly kernelSearched: boolean;
  /** When this layer carries a zero op: the block it skips. */
  readonly zeroBlock?: ResidualBlock;
  /** When this layer sits in a skippable block but is not its first layer: the layer carrying the zero op. */
  readonly skippedWith?: string;
}

export interface SearchPlan {
  readonly graph: NetworkGraph;
  /** Mixed layers, in graph order. */
  readonly layers: readonly MixedLayer[];
  readonly blocks: readonly ResidualBlock[];
  /** The committed per-layer mapping (every matrix layer). */
  readonly committed: ReadonlyMap<string, LayerMapping>;
  readonly space: SearchSpace;
}

/** Per mixed layer, the index of the chosen op in `MixedLayer.ops` (same order as `plan.layers`). */
export type ArchChoice = readonly number[];

function byName(g: NetworkGraph): Map<string, GraphNode> {
  return new Map(g.nodes.map((n) => [n.name, n]));
}

function singleInput(n: GraphNode): string | undefined {
  return n.op === 'add' ? undefined : n.input;
}

/** Walks back from `from` through single-input matrix/activation/affine nodes until `target`; null if it does not get there. */
function walkBack(nodes: Map<string, GraphNode>, from: string, target: string): string[] | null {
  const chain: string[] = [];
  let cur = from;
  for (let guard = 0; guard < 64; guard++) {
    if (cur === target) return chain.reverse();
    const n = nodes.get(cur);
    if (!n || (n.op !== 'matrix' && n.op !== 'activation' && n.op !== 'affine')) return null;
    chain.push(cur);
    const next = singleInput(n);
    if (next === undefined) return null;
    cur = next;
  }
  return null;
}

/** Finds the residual blocks of a graph (identity or projection shortcut). */
export function findResidualBlocks(g: NetworkGraph): ResidualBlock[] {
  const nodes = byName(g);
  const out: ResidualBlock[] = [];
  for (const n of g.nodes) {
    if (n.op !== 'add' || n.inputs.length !== 2) continue;
    const [a, b] = n.inputs as [string, string];
    let found: ResidualBlock | undefined;
    for (const [short, br] of [[a, b], [b, a]] as const) {
      const chain = walkBack(nodes, br, short);
      const matrices = chain?.filter((c) => nodes.get(c)?.op === 'matrix') ?? [];
      if (chain && matrices.length > 0) {
        found = { add: n.name, input: short, branch: matrices, branchNodes: chain, shortcut: 'identity' };
        break;
      }
      const p = nodes.get(short);
      if (p?.op === 'matrix') {
        const chain2 = walkBack(nodes, br, p.input);
        const m2 = chain2?.filter((c) => nodes.get(c)?.op === 'matrix') ?? [];
        if (chain2 && m2.length > 0) {
          found = { add: n.name, input: p.input, branch: m2, branchNodes: chain2, shortcut: 'projection', projection: p.name };
          break;
        }
      }
    }
    if (found) out.push(found);
  }
  return out;
}


/** Largest odd kernel whose taps can all touch real pixels under 'same' padding on an H×W map: 2·min(H, W) − 1. */
export function maxUsefulKernel(inH: number, inW: number): number {
  return 2 * Math.min(inH, inW) - 1;
}

/**
 * Resolves the search space against the model. `file` is nax.yml (errors name `search.*` fields in it).
 * Throws NaxUserError for: unknown or non-conv layer names, 'valid' padding on a searchable layer, a kernel
 * larger than 2·min(H, W) − 1 of a searchable layer's input map, a zero op on a block with a projection shortcut
 * or on a layer that does not start a block, and a model without residual blocks when `layers: residual`.
 */
export function resolveSearchPlan(opts: {
  graph: NetworkGraph;
  committed: ReadonlyMap<string, LayerMapping>;
  space: SearchSpace;
  file: string;
}): SearchPlan {
  const { graph, committed, space, file } = opts;
  const matrices = matrixNodes(graph);
  const names = matrices.map((m) => m.name);
  const byLayer = new Map(matrices.map((m) => [m.name, m]));
  const blocks = findResidualBlocks(graph);

  let searchable: string[];
  if (space.layers === 'residual') {
    searchable = blocks.flatMap((b) => b.branch).filter((n) => {
      const s = byLayer.get(n)!.shape;
      return s.kind === 'conv2d' && s.kernelH === 3 && s.kernelW === 3;
    });
    if (searchable.length === 0) {
      throw new NaxUserError(file, 'search.layers', 'the model has no 3×3 convolutions inside residual blocks',
        `list the layers to search by name; matrix layers: ${names.join(', ')}`);
    }
  } else {
    searchable = [];
    space.layers.forEach((name, i) => {
      const field = `search.layers[${i}]`;
      const node = byLayer.get(name);
      if (!node) throw new NaxUserError(file, field, `the model has no matrix layer named '${name}'`, `matrix layers: ${names.join(', ')}`);
      if (node.shape.kind !== 'conv2d') throw new NaxUserError(file, field, `layer '${name}' is dense; only conv kernels can be searched`);
      if (searchable.includes(name)) throw new NaxUserError(file, field, `layer '${name}' is listed twice`);
      searchable.push(name);
    });
  }
  for (const name of searchable) {
    const node = byLayer.get(name)!;
    const field = space.layers === 'residual' ? 'search.layers' : `search.layers[${(space.layers as string[]).indexOf(name)}]`;
    if (node.padding !== 'same') {
      throw new NaxUserError(file, field, `layer '${name}' uses 'valid' padding`,
        "changing its kernel would change the output size; only layers with 'same' padding can be searched");
    }
    if (node.shape.kernelH !== node.shape.kernelW) {
      throw new NaxUserError(file, field, `layer '${name}' has a non-square ${node.shape.kernelH}×${node.shape.kernelW} kernel; only square kernels are searched`);
    }
    space.kernels.forEach((k, j) => {
      const max = maxUsefulKernel(node.shape.inH, node.shape.inW);
      if (k > max) {
        throw new NaxUserError(file, `search.kernels[${j}]`,
          `kernel ${k}×${k} does not fit layer '${name}', whose input feature map is ${node.shape.inH}×${node.shape.inW}: the largest useful kernel there is ${max}×${max}`,
          `with 'same' padding, taps more than ${Math.min(node.shape.inH, node.shape.inW) - 1} pixels from the centre only ever see zero padding, so they would add crossbar rows that never carry data; drop ${k} or leave '${name}' out of search.layers`);
      }
    });
  }

  // Zero op: which blocks may be skipped, each attached to its first branch layer.
  const zeroAt = new Map<string, ResidualBlock>();
  const blockOfFirst = new Map(blocks.map((b) => [b.branch[0]!, b]));
  if (space.zeroOp === true) {
    for (const b of blocks) {
      if (b.shortcut === 'identity' && b.branch.every((l) => searchable.includes(l))) zeroAt.set(b.branch[0]!, b);
    }
    if (zeroAt.size === 0) {
      throw new NaxUserError(file, 'search.zeroOp', 'no residual block with an identity shortcut has all its layers in search.layers',
        'the zero op skips a whole block, which keeps shapes only when the shortcut is an identity');
    }
  } else if (Array.isArray(space.zeroOp)) {
    (space.zeroOp as readonly string[]).forEach((name, i) => {
      const field = `search.zeroOp[${i}]`;
      const b = blockOfFirst.get(name);
      if (!b) {
        const inside = blocks.find((x) => x.branch.includes(name));
        throw new NaxUserError(file, field, inside
          ? `layer '${name}' is not the first layer of its residual block; name '${inside.branch[0]}' to make the block skippable`
          : `layer '${name}' does not start a residual block`, `blocks start at: ${blocks.map((x) => x.branch[0]).join(', ')}`);
      }
      if (b.shortcut === 'projection') {
        throw new NaxUserError(file, field, `the block starting at '${name}' has a projection shortcut ('${b.projection}')`,
          'skipping it would leave the projection changing channels or resolution on its own, which is no longer the same network; the zero op applies only to identity-shortcut blocks');
      }
      for (const l of b.branch) {
        if (!searchable.includes(l)) throw new NaxUserError(file, field, `the block starting at '${name}' contains '${l}', which is not in search.layers`);
      }
      zeroAt.set(name, b);
    });
  }

  const layers: MixedLayer[] = [];
  for (const node of matrices) {
    const m = committed.get(node.name);
    if (!m) throw new Error(`internal error: no committed mapping for layer '${node.name}'`);
    const isSearchable = searchable.includes(node.name);
    if (!isSearchable && space.otherLayers === 'committed') continue;
    const kernels = isSearchable ? space.kernels : [node.shape.kernelH];
    const ops: SearchOp[] = [];
    for (const kernel of kernels) for (const crossbar of space.crossbars) ops.push({ kind: 'path', kernel, crossbar });
    const zb = zeroAt.get(node.name);
    if (zb) ops.push({ kind: 'zero' });
    const owner = [...zeroAt.values()].find((b) => b.branch.includes(node.name) && b.branch[0] !== node.name);
    layers.push({
      name: node.name,
      ops,
      committedKernel: node.shape.kernelH,
      committedCrossbar: m.rows,
      kernelSearched: isSearchable,
      zeroBlock: zb,
      skippedWith: owner?.branch[0],
    });
  }
  return { graph, layers, blocks, committed, space };
}

/** The kernel a choice gives each matrix layer ('zero' for a skipped layer); layers outside the plan keep theirs. */
export function kernelsOf(plan: SearchPlan, arch: ArchChoice): Map<string, number | 'zero'> {
  const out = new Map<string, number | 'zero'>();
  for (const m of matrixNodes(plan.graph)) out.set(m.name, m.shape.kernelH);
  plan.layers.forEach((l, i) => {
    const op = l.ops[arch[i]!]!;
    if (op.kind === 'zero') for (const b of l.zeroBlock!.branch) out.set(b, 'zero');
    else if (out.get(l.name) !== 'zero') out.set(l.name, op.kernel);
  });
  return out;
}

/** The op index of the committed architecture (committed kernel and crossbar) per mixed layer, or −1 when absent from the space. */
export function committedChoice(plan: SearchPlan): number[] {
  return plan.layers.map((l) => l.ops.findIndex((o) => o.kind === 'path' && o.kernel === l.committedKernel && o.crossbar === l.committedCrossbar));
}

/** Short human form of a choice: `s1b1_conv1 5×5@32, …` (only layers that differ from the committed model when `diffOnly`). */
export function describeChoice(plan: SearchPlan, arch: ArchChoice, diffOnly = false): string {
  const parts: string[] = [];
  const kernels = kernelsOf(plan, arch);
  plan.layers.forEach((l, i) => {
    const op = l.ops[arch[i]!]!;
    if (op.kind === 'zero') {
      parts.push(`block ${l.zeroBlock!.add} skipped`);
      return;
    }
    if (kernels.get(l.name) === 'zero') return;
    if (diffOnly && op.kernel === l.committedKernel && op.crossbar === l.committedCrossbar) return;
    parts.push(`${l.name} ${op.kernel}×${op.kernel}@${op.crossbar}`);
  });
  return parts.join(', ');
}

export type { MatrixNode };
