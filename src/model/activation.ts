/** Graph ops with one meaning in every forward pass over a NetworkGraph (float, crossbar, supernet). */
import * as tf from '@tensorflow/tfjs-core';
import type { Activation, AffineNode, FlattenNode, GlobalAvgPoolNode, PadNode, PoolNode } from './graph.js';

export function activate(x: tf.Tensor, a: Activation): tf.Tensor {
  switch (a) {
    case 'linear': return x;
    case 'relu': return tf.relu(x);
    case 'relu6': return tf.relu6(x);
    case 'sigmoid': return tf.sigmoid(x);
    case 'tanh': return tf.tanh(x);
    case 'softmax': return tf.softmax(x);
  }
}

/** The digital glue between matrix layers that no forward pass changes: pooling, GAP, flatten, unfolded BN, zero padding. */
export function glueOp(n: PoolNode | GlobalAvgPoolNode | FlattenNode | AffineNode | PadNode, x: tf.Tensor): tf.Tensor {
  switch (n.op) {
    case 'maxPool':
      return tf.maxPool(x as tf.Tensor4D, [n.poolH, n.poolW], [n.strideH, n.strideW], n.padding);
    case 'avgPool':
      return tf.avgPool(x as tf.Tensor4D, [n.poolH, n.poolW], [n.strideH, n.strideW], n.padding);
    case 'globalAvgPool':
      return tf.mean(x, [1, 2]);
    case 'flatten':
      return tf.reshape(x, [x.shape[0]!, -1]);
    case 'affine':
      return tf.add(tf.mul(x, n.scale), n.offset);
    case 'pad':
      return tf.pad(x, [[0, 0], [n.top, n.bottom], [n.left, n.right], [0, 0]]);
  }
}
