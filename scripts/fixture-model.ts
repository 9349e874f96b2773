/**
 * The fixture network: ResNet-20 at its real widths (He et al. 2016, the CIFAR variant: 3 stages × 3 basic
 * blocks, 16-32-64 channels) for 28×28×1 Fashion-MNIST images.
 *
 *   stem      conv 3×3 stride 2, 16 ch, BN, ReLU          28×28 → 14×14 (stride 2 keeps simulation affordable)
 *   stage 1   3 blocks, 16 ch                               14×14
 *   stage 2   3 blocks, 32 ch, first block stride 2         14×14 → 7×7
 *   stage 3   3 blocks, 64 ch, first block stride 2         7×7 → 4×4
 *   block     conv3×3-BN-ReLU-conv3×3-BN + shortcut, add, ReLU; a stride-2 block's shortcut is a
 *             1×1 stride-2 projection conv + BN
 *   head      GlobalAveragePooling2D, Dense 10 softmax
 *
 * Names are stable: stem, s{stage}b{block}_conv1/_conv2 (+ _bn1/_bn2/_relu1), s{stage}b1_proj (+ _proj_bn),
 * s{stage}b{block}_add/_relu, gap, fc. Every initializer is seeded, so a build is reproducible.
 */
import * as tfl from '@tensorflow/tfjs-layers';

export const STAGE_CHANNELS = [16, 32, 64] as const;
export const BLOCKS_PER_STAGE = 3;
/** BatchNormalization momentum: tfjs' 0.99 default barely moves the moving statistics in ~1,000 steps. */
const BN_MOMENTUM = 0.9;

type T = tfl.SymbolicTensor;

export function buildFixtureModel(seed: number): tfl.LayersModel {
  let nextSeed = seed;
  const conv = (x: T, name: string, filters: number, kernelSize: number, strides: number): T =>
    tfl.layers.conv2d({
      name, filters, kernelSize, strides, padding: 'same', useBias: false,
      kernelInitializer: tfl.initializers.heNormal({ seed: nextSeed++ }),
    }).apply(x) as T;
  const bn = (x: T, name: string): T => tfl.layers.batchNormalization({ name, momentum: BN_MOMENTUM }).apply(x) as T;
  const relu = (x: T, name: string): T => tfl.layers.reLU({ name }).apply(x) as T;

  const input = tfl.input({ shape: [28, 28, 1], name: 'image' });
  let x = relu(bn(conv(input, 'stem', STAGE_CHANNELS[0], 3, 2), 'stem_bn'), 'stem_relu');
  STAGE_CHANNELS.forEach((ch, s) => {
    for (let b = 0; b < BLOCKS_PER_STAGE; b++) {
      const id = `s${s + 1}b${b + 1}`;
      const stride = s > 0 && b === 0 ? 2 : 1;
      let y = relu(bn(conv(x, `${id}_conv1`, ch, 3, stride), `${id}_bn1`), `${id}_relu1`);
      y = bn(conv(y, `${id}_conv2`, ch, 3, 1), `${id}_bn2`);
      const shortcut = stride === 1 ? x : bn(conv(x, `${id}_proj`, ch, 1, stride), `${id}_proj_bn`);
      x = relu(tfl.layers.add({ name: `${id}_add` }).apply([y, shortcut]) as T, `${id}_relu`);
    }
  });
  const pooled = tfl.layers.globalAveragePooling2d({ name: 'gap' }).apply(x) as T;
  const output = tfl.layers.dense({
    name: 'fc', units: 10, activation: 'softmax',
    kernelInitializer: tfl.initializers.glorotUniform({ seed: nextSeed++ }),
  }).apply(pooled) as T;
  return tfl.model({ inputs: input, outputs: output, name: 'nax_fixture_resnet20_narrow' });
}
