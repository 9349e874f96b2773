/**
 * im2col: the patches a conv layer's crossbars see, one matrix row per output pixel, in the crossbar's
 * row order (kh, kw, cin). Padding follows TensorFlow: 'same' gives out = ceil(in/stride) with the extra
 * pad at the bottom/right; 'valid' gives out = ceil((in − k + 1)/stride).
 */
import type { MatrixLayerShape } from '../mapping/tiling.js';

export interface PatchGeometry {
  readonly outH: number;
  readonly outW: number;
  readonly padTop: number;
  readonly padLeft: number;
}

export function patchGeometry(s: MatrixLayerShape, padding: 'same' | 'valid'): PatchGeometry {
  if (padding === 'valid') {
    return {
      outH: Math.ceil((s.inH - s.kernelH + 1) / s.strideH),
      outW: Math.ceil((s.inW - s.kernelW + 1) / s.strideW),
      padTop: 0,
      padLeft: 0,
    };
  }
  const outH = Math.ceil(s.inH / s.strideH);
  const outW = Math.ceil(s.inW / s.strideW);
  const padH = Math.max((outH - 1) * s.strideH + s.kernelH - s.inH, 0);
  const padW = Math.max((outW - 1) * s.strideW + s.kernelW - s.inW, 0);
  return { outH, outW, padTop: Math.floor(padH / 2), padLeft: Math.floor(padW / 2) };
}

/**
 * Patches of x [batch, inH, inW, Cin] (NHWC, row-major) → [batch·outH·outW, kH·kW·Cin]; zero padding.
 * A dense layer (1×1 everything) passes its input through unchanged.
 */
export function im2col(x: Float32Array, batch: number, s: MatrixLayerShape, padding: 'same' | 'valid'): Float32Array {
  if (s.kind === 'dense') return x;
  return patchesInto(x, new Float32Array(patchCount(batch, s, padding)), batch, s, padding);
}

/**
 * im2col of integer input codes. The engine quantises a layer's input once and then gathers the codes,
 * instead of quantising every patch (k·k times as many values): the same codes, since quantisation is
 * elementwise and maps the zero padding to code 0.
 */
export function im2colCodes(x: Int32Array, batch: number, s: MatrixLayerShape, padding: 'same' | 'valid'): Int32Array {
  if (s.kind === 'dense') return x;
  return patchesInto(x, new Int32Array(patchCount(batch, s, padding)), batch, s, padding);
}

function patchCount(batch: number, s: MatrixLayerShape, padding: 'same' | 'valid'): number {
  const { outH, outW } = patchGeometry(s, padding);
  return batch * outH * outW * s.kernelH * s.kernelW * s.inChannels;
}

function patchesInto<T extends Float32Array | Int32Array>(x: T, out: T, batch: number, s: MatrixLayerShape, padding: 'same' | 'valid'): T {
  const { outH, outW, padTop, padLeft } = patchGeometry(s, padding);
  const { inH, inW, inChannels: C, kernelH: KH, kernelW: KW, strideH, strideW } = s;
  let o = 0;
  for (let b = 0; b < batch; b++) {
    const xb = b * inH * inW * C;
    for (let oh = 0; oh < outH; oh++) {
      for (let ow = 0; ow < outW; ow++) {
        for (let kh = 0; kh < KH; kh++) {
          const ih = oh * strideH - padTop + kh;
          if (ih < 0 || ih >= inH) {
            o += KW * C; // zero padding rows stay 0
            continue;
          }
          for (let kw = 0; kw < KW; kw++) {
            const iw = ow * strideW - padLeft + kw;
            if (iw >= 0 && iw < inW) out.set(x.subarray(xb + (ih * inW + iw) * C, xb + (ih * inW + iw + 1) * C), o);
            o += C;
          }
        }
      }
    }
  }
  return out;
}
