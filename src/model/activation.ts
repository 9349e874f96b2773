/** A graph activation as tfjs ops (used by every forward pass over a NetworkGraph). */
import * as tf from '@tensorflow/tfjs-core';
import type { Activation } from './graph.js';

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
