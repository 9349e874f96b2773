/**
 * Light, seeded training-time augmentation for the fixture: a random shift of up to ±`maxShift` pixels in
 * each direction (zero fill, as padding then cropping does) and a horizontal flip with probability ½.
 * Clothing images are left–right symmetric in meaning, so a flip keeps the label; digits would not be.
 */
import { IMAGE_SIDE } from './fixture-data.js';

const PIXELS = IMAGE_SIDE * IMAGE_SIDE;

/** A new [n, 28, 28] uint8 buffer: every image shifted and maybe flipped, draws from `random` in image order. */
export function augmentImages(images: Uint8Array, n: number, maxShift: number, random: () => number): Uint8Array {
  const out = new Uint8Array(n * PIXELS);
  const span = 2 * maxShift + 1;
  for (let k = 0; k < n; k++) {
    const dy = Math.floor(random() * span) - maxShift;
    const dx = Math.floor(random() * span) - maxShift;
    const flip = random() < 0.5;
    const src = k * PIXELS;
    for (let y = 0; y < IMAGE_SIDE; y++) {
      const sy = y - dy;
      if (sy < 0 || sy >= IMAGE_SIDE) continue;
      for (let x = 0; x < IMAGE_SIDE; x++) {
        const ux = flip ? IMAGE_SIDE - 1 - x : x;
        const sx = ux - dx;
        if (sx < 0 || sx >= IMAGE_SIDE) continue;
        out[src + y * IMAGE_SIDE + x] = images[src + sy * IMAGE_SIDE + sx];
      }
    }
  }
  return out;
}
