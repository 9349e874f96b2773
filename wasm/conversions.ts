// AssemblyScript source of the per-conversion kernel (src/xbar/conversions-wasm.ts loads the compiled module;
// `node scripts/build-wasm.mjs` compiles it). Not TypeScript: f64, v128 and load/store are AssemblyScript
// builtins over the module's own linear memory; the caller lays the arrays out and passes byte offsets.
//
// unipolar: for every product row r and column j, in the order of the JavaScript reference
// (src/xbar/conversions.ts `convertUnipolar`):
//   v = y[r, j] − off·digitSum[r];  count = v < 0.5 ? 0 : min(floor(v + 0.5), adcMax)
//   acc[rowPixel[r]·cout + colChannel[j]] += weight[rowCycle[r], j] · count
// IEEE float64 arithmetic on the same operands gives the same bits as JavaScript. A zero count adds ±0,
// which leaves acc unchanged (acc is never −0: it starts at +0, and only −0 + −0 gives −0).

export function unipolar(
  y: usize, nAct: i32, nCols: i32, rowPixel: usize, rowCycle: usize, digitSum: usize,
  off: f64, adcMax: f64, weight: usize, colChannel: usize, cout: i32, acc: usize,
): void {
  const half = f64x2.splat(0.5);
  const maxV = f64x2.splat(adcMax);
  const pairs = nCols & ~1;
  for (let r = 0; r < nAct; r++) {
    const base = off * load<f64>(digitSum + (<usize>r << 3));
    const baseV = f64x2.splat(base);
    const outRow = <usize>(load<i32>(rowPixel + (<usize>r << 2)) * cout);
    const yRow = y + ((<usize>r * <usize>nCols) << 2);
    const wRow = weight + ((<usize>load<i32>(rowCycle + (<usize>r << 2)) * <usize>nCols) << 3);
    let j = 0;
    for (; j < pairs; j += 2) {
      const v = f64x2.sub(f64x2.promote_low_f32x4(v128.load64_zero(yRow + (<usize>j << 2))), baseV);
      const c = f64x2.min(f64x2.floor(f64x2.add(v, half)), maxV);
      const count = v128.and(c, f64x2.ge(v, half));
      const t = f64x2.mul(v128.load(wRow + (<usize>j << 3)), count);
      const a0 = acc + ((outRow + <usize>load<i32>(colChannel + (<usize>j << 2))) << 3);
      store<f64>(a0, load<f64>(a0) + f64x2.extract_lane(t, 0));
      const a1 = acc + ((outRow + <usize>load<i32>(colChannel + (<usize>(j + 1) << 2))) << 3);
      store<f64>(a1, load<f64>(a1) + f64x2.extract_lane(t, 1));
    }
    for (; j < nCols; j++) {
      const v = <f64>load<f32>(yRow + (<usize>j << 2)) - base;
      if (v < 0.5) continue;
      const count = v >= adcMax ? adcMax : Math.floor(v + 0.5);
      const a = acc + ((outRow + <usize>load<i32>(colChannel + (<usize>j << 2))) << 3);
      store<f64>(a, load<f64>(a) + load<f64>(wRow + (<usize>j << 3)) * count);
    }
  }
}
