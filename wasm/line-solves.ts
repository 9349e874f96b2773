// AssemblyScript source of the line solves of the IR-drop relaxation (src/xbar/irdrop/line-solves-wasm.ts loads
// the compiled module; `node scripts/build-wasm.mjs` compiles it). Not TypeScript: f64, v128 and load/store are
// AssemblyScript builtins over the module's own linear memory; the caller lays the arrays out and passes byte
// offsets.
//
// Layout (src/xbar/irdrop/line-network.ts): node n = i·cols + j; factors and conductances are [rows, cols];
// blocks of K right-hand sides index (n·K + k). The K right-hand sides of a node are independent, so they go
// two at a time through f64x2 lanes, with a scalar step for an odd K. Every value is the float64 expression of
// the line-network formulas, operand for operand (wasm has no fused multiply-add), so results are the same bits
// on every engine.

// dst[k] = a·x[k] + c·y[k] for the K right-hand sides of one node; `pairs` is the byte length covered by lanes.
@inline
function axpby(dst: usize, a: f64, x: usize, c: f64, y: usize, pairs: usize, odd: bool): void {
  const av = f64x2.splat(a);
  const cv = f64x2.splat(c);
  for (let o: usize = 0; o < pairs; o += 16) {
    v128.store(dst + o, f64x2.add(f64x2.mul(av, v128.load(x + o)), f64x2.mul(cv, v128.load(y + o))));
  }
  if (odd) store<f64>(dst + pairs, a * load<f64>(x + pairs) + c * load<f64>(y + pairs));
}

// The same, then the over-relaxation step s[k] += ω·(dst[k] − s[k]).
@inline
function axpbyRelax(dst: usize, a: f64, x: usize, c: f64, y: usize, s: usize, omega: f64, pairs: usize, odd: bool): void {
  const av = f64x2.splat(a);
  const cv = f64x2.splat(c);
  const ov = f64x2.splat(omega);
  for (let o: usize = 0; o < pairs; o += 16) {
    const r = f64x2.add(f64x2.mul(av, v128.load(x + o)), f64x2.mul(cv, v128.load(y + o)));
    v128.store(dst + o, r);
    const sv = v128.load(s + o);
    v128.store(s + o, f64x2.add(sv, f64x2.mul(ov, f64x2.sub(r, sv))));
  }
  if (odd) {
    const r = a * load<f64>(x + pairs) + c * load<f64>(y + pairs);
    store<f64>(dst + pairs, r);
    const sv = load<f64>(s + pairs);
    store<f64>(s + pairs, sv + omega * (r - sv));
  }
}

// dst[k] = a·x[k].
@inline
function scale(dst: usize, a: f64, x: usize, pairs: usize, odd: bool): void {
  const av = f64x2.splat(a);
  for (let o: usize = 0; o < pairs; o += 16) v128.store(dst + o, f64x2.mul(av, v128.load(x + o)));
  if (odd) store<f64>(dst + pairs, a * load<f64>(x + pairs));
}

// s[k] += ω·(x[k] − s[k]).
@inline
function relaxTowards(s: usize, x: usize, omega: f64, pairs: usize, odd: bool): void {
  const ov = f64x2.splat(omega);
  for (let o: usize = 0; o < pairs; o += 16) {
    const sv = v128.load(s + o);
    v128.store(s + o, f64x2.add(sv, f64x2.mul(ov, f64x2.sub(v128.load(x + o), sv))));
  }
  if (odd) {
    const sv = load<f64>(s + pairs);
    store<f64>(s + pairs, sv + omega * (load<f64>(x + pairs) - sv));
  }
}

// Solves every word line for U given W (the recurrences are spelled out in line-network.ts). With
// relax = 0 the solution is written into u (t must equal u); otherwise into t, and u moves by ω towards it.
// Right-hand sides go eight at a time with the recurrence carried in registers, then the rest two at a time
// through memory, then an odd one.
export function wordLines(
  rows: i32, cols: i32, nRhs: i32, g: usize, invPivot: usize, coupling: usize, gLeft: f64,
  u: usize, w: usize, drive: usize, t: usize, omega: f64, relax: i32,
): void {
  const kb = <usize>nRhs << 3;
  const wide = <usize>(nRhs & ~7) << 3;
  const pairs = <usize>(nRhs & 6) << 3;
  const odd = (nRhs & 1) != 0;
  for (let i = 0; i < rows; i++) {
    const row = <usize>i * <usize>cols;
    const d = drive + <usize>i * kb;
    for (let k: usize = 0; k < wide; k += 64) {
      wordLine8(row, <usize>cols, kb, g, invPivot, coupling, gLeft, u + k, w + k, d + k, t + k, omega, relax);
    }
    if (wide < kb) wordLineRest(row, <usize>cols, kb, g, invPivot, coupling, gLeft, u + wide, w + wide, d + wide, t + wide, omega, relax, pairs, odd);
  }
}

// One word line, right-hand sides k…k+7 (the pointers start at k).
@inline
function wordLine8(
  row: usize, cols: usize, kb: usize, g: usize, invPivot: usize, coupling: usize, gLeft: f64,
  u: usize, w: usize, d: usize, t: usize, omega: f64, relax: i32,
): void {
  // Forward elimination from the open end: y_j = G·W_j + (g_w/p_{j+1})·y_{j+1}.
  let n = row + cols - 1;
  let pw = w + n * kb;
  let pt = t + n * kb;
  let a = f64x2.splat(load<f64>(g + (n << 3)));
  let y0 = f64x2.mul(a, v128.load(pw));
  let y1 = f64x2.mul(a, v128.load(pw, 16));
  let y2 = f64x2.mul(a, v128.load(pw, 32));
  let y3 = f64x2.mul(a, v128.load(pw, 48));
  while (n > row) {
    const c = f64x2.splat(load<f64>(coupling + (n << 3)));
    v128.store(pt, y0);
    v128.store(pt, y1, 16);
    v128.store(pt, y2, 32);
    v128.store(pt, y3, 48);
    n--;
    pw -= kb;
    pt -= kb;
    a = f64x2.splat(load<f64>(g + (n << 3)));
    y0 = f64x2.add(f64x2.mul(a, v128.load(pw)), f64x2.mul(c, y0));
    y1 = f64x2.add(f64x2.mul(a, v128.load(pw, 16)), f64x2.mul(c, y1));
    y2 = f64x2.add(f64x2.mul(a, v128.load(pw, 32)), f64x2.mul(c, y2));
    y3 = f64x2.add(f64x2.mul(a, v128.load(pw, 48)), f64x2.mul(c, y3));
  }
  // The driver enters at node 0: x_0 = (y_0 + gLeft·V)·(1/p_0).
  const gl = f64x2.splat(gLeft);
  a = f64x2.splat(load<f64>(invPivot + (row << 3)));
  y0 = f64x2.mul(f64x2.add(y0, f64x2.mul(gl, v128.load(d))), a);
  y1 = f64x2.mul(f64x2.add(y1, f64x2.mul(gl, v128.load(d, 16))), a);
  y2 = f64x2.mul(f64x2.add(y2, f64x2.mul(gl, v128.load(d, 32))), a);
  y3 = f64x2.mul(f64x2.add(y3, f64x2.mul(gl, v128.load(d, 48))), a);
  // Back substitution x_j = y_j/p_j + (g_w/p_j)·x_{j−1}; relaxed, u moves towards x and t is not needed.
  const end = row + cols;
  if (relax) {
    const om = f64x2.splat(omega);
    let pu = u + row * kb;
    for (;;) {
      let s = v128.load(pu);
      v128.store(pu, f64x2.add(s, f64x2.mul(om, f64x2.sub(y0, s))));
      s = v128.load(pu, 16);
      v128.store(pu, f64x2.add(s, f64x2.mul(om, f64x2.sub(y1, s))), 16);
      s = v128.load(pu, 32);
      v128.store(pu, f64x2.add(s, f64x2.mul(om, f64x2.sub(y2, s))), 32);
      s = v128.load(pu, 48);
      v128.store(pu, f64x2.add(s, f64x2.mul(om, f64x2.sub(y3, s))), 48);
      n++;
      if (n >= end) break;
      pt += kb;
      pu += kb;
      a = f64x2.splat(load<f64>(invPivot + (n << 3)));
      const c = f64x2.splat(load<f64>(coupling + (n << 3)));
      y0 = f64x2.add(f64x2.mul(a, v128.load(pt)), f64x2.mul(c, y0));
      y1 = f64x2.add(f64x2.mul(a, v128.load(pt, 16)), f64x2.mul(c, y1));
      y2 = f64x2.add(f64x2.mul(a, v128.load(pt, 32)), f64x2.mul(c, y2));
      y3 = f64x2.add(f64x2.mul(a, v128.load(pt, 48)), f64x2.mul(c, y3));
    }
  } else {
    for (;;) {
      v128.store(pt, y0);
      v128.store(pt, y1, 16);
      v128.store(pt, y2, 32);
      v128.store(pt, y3, 48);
      n++;
      if (n >= end) break;
      pt += kb;
      a = f64x2.splat(load<f64>(invPivot + (n << 3)));
      const c = f64x2.splat(load<f64>(coupling + (n << 3)));
      y0 = f64x2.add(f64x2.mul(a, v128.load(pt)), f64x2.mul(c, y0));
      y1 = f64x2.add(f64x2.mul(a, v128.load(pt, 16)), f64x2.mul(c, y1));
      y2 = f64x2.add(f64x2.mul(a, v128.load(pt, 32)), f64x2.mul(c, y2));
      y3 = f64x2.add(f64x2.mul(a, v128.load(pt, 48)), f64x2.mul(c, y3));
    }
  }
}

// One word line, the right-hand sides after the groups of eight (the pointers start there): `pairs` bytes in
// f64x2 lanes, then an odd one; the recurrence goes through memory.
@inline
function wordLineRest(
  row: usize, cols: usize, kb: usize, g: usize, invPivot: usize, coupling: usize, gLeft: f64,
  u: usize, w: usize, d: usize, t: usize, omega: f64, relax: i32, pairs: usize, odd: bool,
): void {
  // Forward elimination, as in wordLine8.
  let n = row + cols - 1;
  scale(t + n * kb, load<f64>(g + (n << 3)), w + n * kb, pairs, odd);
  while (n > row) {
    n--;
    const b = n * kb;
    axpby(t + b, load<f64>(g + (n << 3)), w + b, load<f64>(coupling + ((n + 1) << 3)), t + b + kb, pairs, odd);
  }
  // The driver.
  const t0 = t + row * kb;
  const ip0 = load<f64>(invPivot + (row << 3));
  const gv = f64x2.splat(gLeft);
  const ipv = f64x2.splat(ip0);
  for (let o: usize = 0; o < pairs; o += 16) {
    v128.store(t0 + o, f64x2.mul(f64x2.add(v128.load(t0 + o), f64x2.mul(gv, v128.load(d + o))), ipv));
  }
  if (odd) store<f64>(t0 + pairs, (load<f64>(t0 + pairs) + gLeft * load<f64>(d + pairs)) * ip0);
  // Back substitution.
  const end = row + cols;
  if (relax) {
    relaxTowards(u + row * kb, t0, omega, pairs, odd);
    for (n = row + 1; n < end; n++) {
      const b = n * kb;
      axpbyRelax(t + b, load<f64>(invPivot + (n << 3)), t + b, load<f64>(coupling + (n << 3)), t + b - kb, u + b, omega, pairs, odd);
    }
  } else {
    for (n = row + 1; n < end; n++) {
      const b = n * kb;
      axpby(t + b, load<f64>(invPivot + (n << 3)), t + b, load<f64>(coupling + (n << 3)), t + b - kb, pairs, odd);
    }
  }
}

// Solves every bit line for W given U, row by row over all columns so memory
// streams with unit stride. relax as in wordLines.
export function bitLines(
  rows: i32, cols: i32, nRhs: i32, g: usize, invPivot: usize, coupling: usize,
  w: usize, u: usize, t: usize, omega: f64, relax: i32,
): void {
  const kb = <usize>nRhs << 3;
  const pairs = <usize>(nRhs & ~1) << 3;
  const odd = (nRhs & 1) != 0;
  const c = <usize>cols;
  const rowBytes = c * kb;
  const cells = <usize>rows * c;
  // Forward elimination from the open top: y_i = G·U_i + (g_w/p_{i−1})·y_{i−1}.
  for (let n: usize = 0; n < c; n++) scale(t + n * kb, load<f64>(g + (n << 3)), u + n * kb, pairs, odd);
  for (let n: usize = c; n < cells; n++) {
    const b = n * kb;
    axpby(t + b, load<f64>(g + (n << 3)), u + b, load<f64>(coupling + ((n - c) << 3)), t + b - rowBytes, pairs, odd);
  }
  // Back substitution from the sink end: x_{R−1} = y/p, x_i = y_i/p_i + (g_w/p_i)·x_{i+1}.
  for (let n: usize = cells - c; n < cells; n++) {
    const b = n * kb;
    scale(t + b, load<f64>(invPivot + (n << 3)), t + b, pairs, odd);
    if (relax) relaxTowards(w + b, t + b, omega, pairs, odd);
  }
  let n = cells - c;
  if (relax) {
    while (n > 0) {
      n--;
      const b = n * kb;
      axpbyRelax(t + b, load<f64>(invPivot + (n << 3)), t + b, load<f64>(coupling + (n << 3)), t + b + rowBytes, w + b, omega, pairs, odd);
    }
  } else {
    while (n > 0) {
      n--;
      const b = n * kb;
      axpby(t + b, load<f64>(invPivot + (n << 3)), t + b, load<f64>(coupling + (n << 3)), t + b + rowBytes, pairs, odd);
    }
  }
}
