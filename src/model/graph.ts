/**
 * The network as nax computes it: a topologically ordered list of nodes over plain typed arrays (no
 * tensors), so the crossbar simulator, the cost model and the search can all walk it. Matrix nodes
 * (conv/dense) carry their weight matrix with BatchNormalization already folded in, as hardware does;
 * everything else is a glue op computed in float. Activation tensors are NHWC; dense nodes see [batch, features].
 */
/** A conv or dense layer as a matrix: the shape crossbars tile (mapping/tiling.ts). Dense is a 1×1 "conv" on a 1×1 map. */
export interface MatrixLayerShape {
  readonly name: string;
  readonly kind: 'conv2d' | 'dense';
  readonly kernelH: number;
  readonly kernelW: number;
  readonly inChannels: number;
  readonly outChannels: number;
  /** Output feature-map height (1 for dense). */
  readonly outH: number;
  /** Output feature-map width (1 for dense). */
  readonly outW: number;
  readonly strideH: number;
  readonly strideW: number;
  /** Input feature-map size (1×1 for dense). */
  readonly inH: number;
  readonly inW: number;
}

export type Activation = 'linear' | 'relu' | 'relu6' | 'sigmoid' | 'tanh' | 'softmax';

export interface MatrixNode {
  readonly op: 'matrix';
  /** Name of the model layer (the conv/dense layer; a folded BN keeps the conv's name). */
  readonly name: string;
  readonly input: string;
  readonly shape: MatrixLayerShape;
  /** Weights [rows = kH·kW·Cin (order kh, kw, cin), cols = Cout], row-major, BN folded. */
  readonly weights: Float32Array;
  /** Bias [Cout] (zeros when the layer has none), BN folded. Added digitally after the crossbar. */
  readonly bias: Float32Array;
  readonly padding: 'same' | 'valid';
  /** Activation applied after bias (the layer's own, or a following ReLU/Activation layer fused in). */
  readonly activation: Activation;
}

export interface AddNode {
  readonly op: 'add';
  readonly name: string;
  readonly inputs: readonly string[];
  readonly activation: Activation;
}

export interface ActivationNode {
  readonly op: 'activation';
  readonly name: string;
  readonly input: string;
  readonly activation: Activation;
}

export interface PoolNode {
  readonly op: 'maxPool' | 'avgPool';
  readonly name: string;
  readonly input: string;
  readonly poolH: number;
  readonly poolW: number;
  readonly strideH: number;
  readonly strideW: number;
  readonly padding: 'same' | 'valid';
}

export interface GlobalAvgPoolNode {
  readonly op: 'globalAvgPool';
  readonly name: string;
  readonly input: string;
}

export interface FlattenNode {
  readonly op: 'flatten';
  readonly name: string;
  readonly input: string;
}

/**
 * Zero padding of an image [H, W, C] → [H + top + bottom, W + left + right, C]: the explicit pads of an
 * ONNX Conv that neither 'same' nor 'valid' expresses (PyTorch's stride-2 convolutions pad both sides).
 */
export interface PadNode {
  readonly op: 'pad';
  readonly name: string;
  readonly input: string;
  readonly top: number;
  readonly bottom: number;
  readonly left: number;
  readonly right: number;
}

/** A BatchNormalization that could not be folded (its input is not a matrix layer): y = x·scale + offset per channel. */
export interface AffineNode {
  readonly op: 'affine';
  readonly name: string;
  readonly input: string;
  readonly scale: Float32Array;
  readonly offset: Float32Array;
}

export type GraphNode = MatrixNode | AddNode | ActivationNode | PoolNode | GlobalAvgPoolNode | FlattenNode | AffineNode | PadNode;

export interface NetworkGraph {
  /** Name of the input node; its tensor is [batch, H, W, C]. */
  readonly input: string;
  /** Input shape without batch, [H, W, C]. */
  readonly inputShape: readonly [number, number, number];
  /** Nodes in topological order. */
  readonly nodes: readonly GraphNode[];
  /** Name of the node whose output is the logits/probabilities [batch, classes]. */
  readonly output: string;
}

/** Values per input image: H·W·C. */
export function inputSize(g: NetworkGraph): number {
  return g.inputShape[0] * g.inputShape[1] * g.inputShape[2];
}

/** The matrix layers of a graph, in order. */
export function matrixNodes(g: NetworkGraph): MatrixNode[] {
  return g.nodes.filter((n): n is MatrixNode => n.op === 'matrix');
}
