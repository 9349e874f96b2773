export const id = 318;
export const ids = [318];
export const modules = {

/***/ 9318:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  hr: () => (/* reexport */ effectiveMatrix),
  solveCurrents: () => (/* reexport */ solveCurrents)
});

// UNUSED EXPORTS: applyEffectiveMatrix, meanNonIdealityFactor, nonIdealityFactors

// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
;// CONCATENATED MODULE: ./src/xbar/irdrop/line-network.ts
/**
 * The line network of a crossbar with R_wire > 0 and the line solves every relaxation solver shares: Thomas
 * factors of each word and bit line (computed once per programmed crossbar), word-line and bit-line sweeps for
 * blocks of right-hand sides, and the closed-form first word-line sweep of a unit drive.
 *
 * Layout: node n = i·cols + j; block arrays index (n·K + k) for right-hand side k.
 */

/** Bound once: a global lookup per cell is slow under jest's vm context. */
const MAX_FINITE = Number.MAX_VALUE;
function checkArgs(g, rows, cols, wires) {
    (0,errors/* assert */.v)(Number.isInteger(rows) && rows > 0 && Number.isInteger(cols) && cols > 0, () => `crossbar ${rows}×${cols}`);
    (0,errors/* assert */.v)(g.length === rows * cols, () => `conductances have ${g.length} cells, expected ${rows}×${cols}`);
    for (let n = 0; n < g.length; n++) {
        // Non-negative conductances keep every pivot positive (the SPD argument behind both solvers).
        (0,errors/* assert */.v)(g[n] >= 0 && g[n] <= MAX_FINITE, () => `conductance ${g[n]} S at cell ${n}`);
    }
    for (const [k, v] of Object.entries(wires)) {
        (0,errors/* assert */.v)(Number.isFinite(v) && v >= 0, () => `${k} = ${v}: resistances must be finite and ≥ 0`);
    }
}
/**
 * Thomas factors of one resistive chain, written into invPivot and coupling at base + t·stride, where t runs
 * in elimination order from the chain's open end (t = 0) to its terminal end (t = n−1, where the driver or sense
 * amplifier attaches through gTerminal). Shunt of node t: shunt[base + t·stride] (+ gTerminal at t = n−1).
 * Excess recursion: e_0 = s_0, e_t = s_t + g_w·e_{t−1}/(g_w + e_{t−1}); pivot p_t = e_t + g_w for t < n−1
 * (the link to the not-yet-eliminated neighbour), p_{n−1} = e_{n−1}.
 */
function factorChain(shunt, base, stride, n, gWire, gTerminal, invPivot, coupling) {
    let e = 0;
    for (let t = 0; t < n; t++) {
        const idx = base + t * stride;
        const s = shunt[idx] + (t === n - 1 ? gTerminal : 0);
        e = t === 0 ? s : s + (gWire * e) / (gWire + e);
        const pivot = t < n - 1 ? e + gWire : e;
        invPivot[idx] = 1 / pivot;
        coupling[idx] = gWire / pivot;
    }
}
/**
 * Solves one chain factored by `factorChain` in place. Node t's factors are at fBase + t·fStride and its
 * right-hand side (overwritten by the solution) at xBase + t·xStride:
 * forward y_t = b_t + c_{t−1}·y_{t−1}, backward x_{n−1} = y_{n−1}/p_{n−1}, x_t = y_t/p_t + c_t·x_{t+1}.
 */
function solveChain(invPivot, coupling, fBase, fStride, x, xBase, xStride, n) {
    for (let t = 1; t < n; t++) {
        x[xBase + t * xStride] += coupling[fBase + (t - 1) * fStride] * x[xBase + (t - 1) * xStride];
    }
    const last = n - 1;
    x[xBase + last * xStride] *= invPivot[fBase + last * fStride];
    for (let t = n - 2; t >= 0; t--) {
        const xi = xBase + t * xStride;
        const fi = fBase + t * fStride;
        x[xi] = x[xi] * invPivot[fi] + coupling[fi] * x[xi + xStride];
    }
}
/**
 * Precomputes the Thomas factors of every word line (eliminated from the open right end towards the driver) and
 * every bit line (from the open top towards the sense amplifier), and the bit-line adjoint.
 */
function buildLineNetwork(g, rows, cols, wires) {
    const gWire = 1 / wires.rWireOhm;
    const gLeft = 1 / (wires.rSourceOhm + wires.rWireOhm);
    const gDown = 1 / (wires.rSinkOhm + wires.rWireOhm);
    const wordInvPivot = new Float64Array(rows * cols);
    const wordCoupling = new Float64Array(rows * cols);
    for (let i = 0; i < rows; i++)
        factorChain(g, i * cols + cols - 1, -1, cols, gWire, gLeft, wordInvPivot, wordCoupling);
    const bitInvPivot = new Float64Array(rows * cols);
    const bitCoupling = new Float64Array(rows * cols);
    const adjointOut = new Float64Array(rows * cols);
    for (let j = 0; j < cols; j++) {
        factorChain(g, j, cols, rows, gWire, gDown, bitInvPivot, bitCoupling);
        // z = B_j⁻¹·e_{rows−1} with the same factors: z_{R−1} = 1/p_{R−1}, z_i = (g_w/p_i)·z_{i+1}.
        let z = bitInvPivot[(rows - 1) * cols + j];
        for (let i = rows - 1; i >= 0; i--) {
            const n = i * cols + j;
            if (i < rows - 1)
                z *= bitCoupling[n];
            adjointOut[n] = gDown * z * g[n];
        }
    }
    return {
        rows,
        cols,
        g,
        gWireSiemens: gWire,
        gLeftSiemens: gLeft,
        gDownSiemens: gDown,
        wordInvPivot,
        wordCoupling,
        bitInvPivot,
        bitCoupling,
        adjointOut,
    };
}
/*
 * The word-line and bit-line solves of a relaxation run in WebAssembly (line-solves-wasm.ts) on these factors,
 * for K right-hand sides at once:
 * - word lines, U given W: forward elimination from the open end y_j = G_ij·W_ij + (g_w/p_{j+1})·y_{j+1}, the
 *   driver entering at node 0, x_0 = (y_0 + gLeft·V_i)/p_0, then back substitution x_j = y_j/p_j + (g_w/p_j)·x_{j−1};
 * - bit lines, W given U: forward from the open top y_i = G_ij·U_ij + (g_w/p_{i−1})·y_{i−1}, back from the sink
 *   end x_{R−1} = y_{R−1}/p_{R−1}, x_i = y_i/p_i + (g_w/p_i)·x_{i+1}.
 */
/**
 * First word-line solve from W = 0 for the unit drives of rows firstRow…firstRow+K−1 (right-hand side k drives
 * row firstRow + k at 1 V): only the driven line carries current, u_i[j] = gLeft/p_0·Π_{m=1..j} g_w/p_m.
 */
function firstWordSweepUnitDrive(net, u, firstRow, nRhs) {
    const { cols, gLeftSiemens, wordInvPivot, wordCoupling } = net;
    u.fill(0, 0, net.rows * cols * nRhs);
    for (let k = 0; k < nRhs; k++) {
        const row = (firstRow + k) * cols;
        let x = gLeftSiemens * wordInvPivot[row];
        u[row * nRhs + k] = x;
        for (let j = 1; j < cols; j++) {
            x *= wordCoupling[row + j];
            u[(row + j) * nRhs + k] = x;
        }
    }
}
/** Column currents gDown·W[rows−1][j] for K right-hand sides, out [cols, K], A. */
function outputsFromBitLines(net, w, nRhs, out) {
    const base = (net.rows - 1) * net.cols * nRhs;
    const n = net.cols * nRhs;
    for (let m = 0; m < n; m++)
        out[m] = net.gDownSiemens * w[base + m];
}
/**
 * A solve that does not converge is the technology's values, not a bug: the validator accepts values the
 * relaxation cannot handle (a floating array, R_source ≫ the devices' parallel resistance), so the user gets
 * one line naming the wire fields.
 */
function notConvergedError(what, rows, cols, detail, wires) {
    return new errors/* NaxUserError */.b('technology', 'wires', `the ${what} of a ${rows}×${cols} crossbar does not converge with R_wire ${wires.rWireOhm} Ω, R_source ` +
        `${wires.rSourceOhm} Ω, R_sink ${wires.rSinkOhm} Ω (${detail})`, 'R_source or R_sink is too large against the parallel resistance of a line of devices; lower them');
}

// EXTERNAL MODULE: ./src/xbar/wasm-instance.ts
var wasm_instance = __webpack_require__(189);
;// CONCATENATED MODULE: ./src/xbar/irdrop/line-solves-wasm-bytes.ts
// Generated by scripts/build-wasm.mjs from wasm/line-solves.ts (AssemblyScript, -O3, SIMD). Do not edit.
const LINE_SOLVES_WASM_BASE64 = 'AGFzbQEAAAABHwJgDX9/f39/f3x/f39/fH8AYAt/f39/f39/f398fwADAwIAAQUDAQAAByEDCXdvcmRMaW5lcwAACGJpdExpbmVz' +
    'AAEGbWVtb3J5AgAK2BcCxw8DB3sNfwJ8IAJBA3QhFiACQXhxQQN0IRkgAkEGcUEDdCEVIAJBAXEhGwNAIAAgGkoEQCABIBpsIRwg' +
    'CSAWIBpsaiEdQQAhGANAIBggGUkEQCAYIB1qIR4gASAcakEBayIXIBZsIhQgCCAYamohAiAKIBhqIBRqIRQgAyAXQQN0aisDAP0U' +
    'Ig4gAv0ABAD98gEhDyAOIAL9AAQQ/fIBIRAgDiAC/QAEIP3yASENIA4gAv0ABDD98gEhDgNAIBcgHEsEQCAFIBdBA3RqKwMA/RQh' +
    'ESAUIA/9CwQAIBQgEP0LBBAgFCAN/QsEICAUIA79CwQwIBQgFmshFCADIBdBAWsiF0EDdGorAwD9FCISIAIgFmsiAv0ABAD98gEg' +
    'ESAP/fIB/fABIQ8gEiAC/QAEEP3yASARIBD98gH98AEhECASIAL9AAQg/fIBIBEgDf3yAf3wASENIBIgAv0ABDD98gEgESAO/fIB' +
    '/fABIQ4MAQsLIA8gBv0UIhEgHv0ABAD98gH98AEgBCAcQQN0aisDAP0UIhL98gEhDyAQIBEgHv0ABBD98gH98AEgEv3yASEQIA0g' +
    'ESAe/QAEIP3yAf3wASAS/fIBIQ0gDiARIB79AAQw/fIB/fABIBL98gEhDiABIBxqIR4gDARAIAv9FCESIAcgGGogFiAcbGohAgNA' +
    'IAIgAv0ABAAiESASIA8gEf3xAf3yAf3wAf0LBAAgAiAC/QAEECIRIBIgECAR/fEB/fIB/fAB/QsEECACIAL9AAQgIhEgEiANIBH9' +
    '8QH98gH98AH9CwQgIAIgAv0ABDAiESASIA4gEf3xAf3yAf3wAf0LBDAgF0EBaiIXIB5JBEAgAiAWaiECIBdBA3QiHyAEaisDAP0U' +
    'IhMgFCAWaiIU/QAEAP3yASAFIB9qKwMA/RQiESAP/fIB/fABIQ8gEyAU/QAEEP3yASARIBD98gH98AEhECATIBT9AAQg/fIBIBEg' +
    'Df3yAf3wASENIBMgFP0ABDD98gEgESAO/fIB/fABIQ4MAQsLBQNAIBQgD/0LBAAgFCAQ/QsEECAUIA39CwQgIBQgDv0LBDAgF0EB' +
    'aiIXIB5JBEAgF0EDdCICIARqKwMA/RQiESAUIBZqIhT9AAQA/fIBIAIgBWorAwD9FCISIA/98gH98AEhDyARIBT9AAQQ/fIBIBIg' +
    'EP3yAf3wASEQIBEgFP0ABCD98gEgEiAN/fIB/fABIQ0gESAU/QAEMP3yASASIA798gH98AEhDgwBCwsLIBhBQGshGAwBCwsgFiAZ' +
    'SwRAIAogGWoiGCABIBxqQQFrIhcgFmwiAmohFCAIIBlqIh4gAmohHyADIBdBA3RqKwMAIiH9FCENQQAhAgNAIAIgFUkEQCACIBRq' +
    'IA0gAiAfav0ABAD98gH9CwQAIAJBEGohAgwBCwsgGwRAIBQgFWogISAVIB9qKwMAojkDAAsgGSAdaiEdA0AgFyAcSwRAIBdBAWsi' +
    'FyAWbCICIBhqIR8gAiAeaiECIBYgH2ohICADIBdBA3RqKwMAIiH9FCENIAUgF0EBakEDdGorAwAiIv0UIQ5BACEUA0AgFCAVSQRA' +
    'IBQgH2ogDSACIBRq/QAEAP3yASAOIBQgIGr9AAQA/fIB/fAB/QsEACAUQRBqIRQMAQsLIBsEQCAVIB9qICEgAiAVaisDAKIgIiAV' +
    'ICBqKwMAoqA5AwALDAELCyAYIBYgHGxqIRQgBv0UIQ0gBCAcQQN0aisDACIh/RQhDkEAIQIDQCACIBVJBEAgAiAUaiIXIBf9AAQA' +
    'IA0gAiAdav0ABAD98gH98AEgDv3yAf0LBAAgAkEQaiECDAELCyAbBEAgFCAVaiICIAIrAwAgBiAVIB1qKwMAoqAgIaI5AwALIAEg' +
    'HGohHSAMBEAgByAZaiIeIBYgHGxqIRcgC/0UIQ1BACECA0AgAiAVSQRAIAIgF2oiH/0ABAAhDiAfIA4gDSACIBRq/QAEACAO/fEB' +
    '/fIB/fAB/QsEACACQRBqIQIMAQsLIBsEQCAVIBdqIgIrAwAhISACICEgCyAUIBVqKwMAICGhoqA5AwALIBxBAWohFwNAIBcgHUkE' +
    'QCAWIBdsIgIgGGoiFCAWayEcIAIgHmohHyAXQQN0IgIgBGorAwAiIf0UIQ0gAiAFaisDACIi/RQhDiAL/RQhD0EAIQIDQCACIBVJ' +
    'BEAgDSACIBRqIiD9AAQA/fIBIA4gAiAcav0ABAD98gH98AEhECAgIBD9CwQAIAIgH2oiIP0ABAAhESAgIBEgDyAQIBH98QH98gH9' +
    '8AH9CwQAIAJBEGohAgwBCwsgGwRAICEgFCAVaiICKwMAoiAiIBUgHGorAwCioCEhIAIgITkDACAVIB9qIgIrAwAhIiACICIgCyAh' +
    'ICKhoqA5AwALIBdBAWohFwwBCwsFIBxBAWohFwNAIBcgHUkEQCAYIBYgF2xqIhQgFmshHCAXQQN0IgIgBGorAwAiIf0UIQ0gAiAF' +
    'aisDACIi/RQhDkEAIQIDQCACIBVJBEAgAiAUaiIeIA0gHv0ABAD98gEgDiACIBxq/QAEAP3yAf3wAf0LBAAgAkEQaiECDAELCyAb' +
    'BEAgFCAVaiICICEgAisDAKIgIiAVIBxqKwMAoqA5AwALIBdBAWohFwwBCwsLCyAaQQFqIRoMAQsLC4wIAwh/BXsCfCACQX5xQQN0' +
    'IQwgAkEBcSENIAJBA3QiDiABbCECIAAgAWwhEANAIAEgC0sEQCALIA5sIgAgCGohDyAAIAdqIREgAyALQQN0aisDACIY/RQhE0EA' +
    'IQADQCAAIAxJBEAgACAPaiATIAAgEWr9AAQA/fIB/QsEACAAQRBqIQAMAQsLIA0EQCAMIA9qIBggDCARaisDAKI5AwALIAtBAWoh' +
    'CwwBCwsgASEAA0AgACAQSQRAIAAgDmwiCyAIaiERIAcgC2ohDyARIAJrIRIgAyAAQQN0aisDACIY/RQhEyAFIAAgAWtBA3RqKwMA' +
    'Ihn9FCEUQQAhCwNAIAsgDEkEQCALIBFqIBMgCyAPav0ABAD98gEgFCALIBJq/QAEAP3yAf3wAf0LBAAgC0EQaiELDAELCyANBEAg' +
    'DCARaiAYIAwgD2orAwCiIBkgDCASaisDAKKgOQMACyAAQQFqIQAMAQsLIBAgAWshAANAIAAgEEkEQCAAIA5sIgcgCGohCyAEIABB' +
    'A3RqKwMAIhj9FCETQQAhAwNAIAMgDEkEQCADIAtqIg8gEyAP/QAEAP3yAf0LBAAgA0EQaiEDDAELCyANBEAgCyAMaiIDIBggAysD' +
    'AKI5AwALIAoEQCAGIAdqIQsgByAIaiEHIAn9FCETQQAhAwNAIAMgDEkEQCADIAtqIg/9AAQAIRQgDyAUIBMgAyAHav0ABAAgFP3x' +
    'Af3yAf3wAf0LBAAgA0EQaiEDDAELCyANBEAgCyAMaiIDKwMAIRggAyAYIAkgByAMaisDACAYoaKgOQMACwsgAEEBaiEADAELCyAQ' +
    'IAFrIQAgCgRAA0AgAARAIAIgDiAAQQFrIgBsIgEgCGoiA2ohByABIAZqIQogAEEDdCIBIARqKwMAIhj9FCEWIAEgBWorAwAiGf0U' +
    'IRcgCf0UIRNBACEBA0AgASAMSQRAIBYgASADaiIL/QAEAP3yASAXIAEgB2r9AAQA/fIB/fABIRQgCyAU/QsEACABIApqIgv9AAQA' +
    'IRUgCyAVIBMgFCAV/fEB/fIB/fAB/QsEACABQRBqIQEMAQsLIA0EQCAYIAMgDGoiASsDAKIgGSAHIAxqKwMAoqAhGCABIBg5AwAg' +
    'CiAMaiIBKwMAIRkgASAZIAkgGCAZoaKgOQMACwwBCwsFA0AgAARAIAIgCCAOIABBAWsiAGxqIgNqIQYgAEEDdCIBIARqKwMAIgn9' +
    'FCETIAEgBWorAwAiGP0UIRRBACEBA0AgASAMSQRAIAEgA2oiByATIAf9AAQA/fIBIBQgASAGav0ABAD98gH98AH9CwQAIAFBEGoh' +
    'AQwBCwsgDQRAIAMgDGoiASAJIAErAwCiIBggBiAMaisDAKKgOQMACwwBCwsLCw==';

;// CONCATENATED MODULE: ./src/xbar/irdrop/line-solves-wasm.ts
/**
 * The word-line and bit-line solves of the IR-drop relaxation as compiled WebAssembly with SIMD (two right-hand
 * sides per f64x2 step): source wasm/line-solves.ts (AssemblyScript), bytes in line-solves-wasm-bytes.ts
 * (scripts/build-wasm.mjs). The same float64 operations as the formulas in line-network.ts, so the same bits on
 * every engine.
 *
 * A relaxation's arrays live in the kernel's linear memory for the whole solve: the network's conductances and
 * line factors are copied in once, and the voltages are Float64Array views over that memory, so a sweep copies
 * nothing. One workspace is live per thread: opening another one reuses (and may grow) the memory, which makes
 * the previous workspace's views stale, so its solves and its view getters then throw. Copy out (slice) what
 * must outlive the solve.
 */



let kernel;
/** Counts opened workspaces; only the latest may solve. */
let generation = 0;
/**
 * Opens the workspace of a relaxation of `net` with blocks of up to maxRhs right-hand sides; u, w and drive
 * start at 0.
 */
function lineSolves(net, maxRhs) {
    const { rows, cols } = net;
    (0,errors/* assert */.v)(Number.isInteger(maxRhs) && maxRhs >= 1, () => `block of ${maxRhs} right-hand sides`);
    kernel ??= (0,wasm_instance/* instantiateKernel */.oe)(LINE_SOLVES_WASM_BASE64);
    const kx = kernel;
    const cells = rows * cols;
    // Layout: g | word 1/p | word g_w/p | bit 1/p | bit g_w/p | u | w | t | drive; float64 counts are even or
    // rounded up, so every block starts 16-byte aligned.
    const cellBytes = align16(cells * 8);
    const blockBytes = align16(cells * maxRhs * 8);
    const offsets = [];
    let at = 0;
    for (const bytes of [cellBytes, cellBytes, cellBytes, cellBytes, cellBytes, blockBytes, blockBytes, blockBytes]) {
        offsets.push(at);
        at += bytes;
    }
    const [gOff, wipOff, wcOff, bipOff, bcOff, uOff, wOff, tOff] = offsets;
    const driveOff = at;
    (0,wasm_instance/* ensureMemory */.EJ)(kx.memory, driveOff + rows * maxRhs * 8);
    const buf = kx.memory.buffer;
    const view = (off, n) => new Float64Array(buf, off, n);
    view(gOff, cells).set(net.g);
    view(wipOff, cells).set(net.wordInvPivot);
    view(wcOff, cells).set(net.wordCoupling);
    view(bipOff, cells).set(net.bitInvPivot);
    view(bcOff, cells).set(net.bitCoupling);
    const u = view(uOff, cells * maxRhs).fill(0);
    const w = view(wOff, cells * maxRhs).fill(0);
    const drive = view(driveOff, rows * maxRhs).fill(0);
    const mine = ++generation;
    const check = (nRhs) => {
        (0,errors/* assert */.v)(mine === generation, () => 'line solves of a workspace that a later one replaced');
        (0,errors/* assert */.v)(Number.isInteger(nRhs) && nRhs >= 1 && nRhs <= maxRhs, () => `${nRhs} right-hand sides, block of ${maxRhs}`);
    };
    const { gLeftSiemens } = net;
    // The views are handed out through getters that check the generation too: a replaced workspace's views may
    // alias the newer one's arrays, or be detached after the memory grew.
    const live = () => (0,errors/* assert */.v)(mine === generation, () => 'voltages of a line-solve workspace that a later one replaced');
    return {
        maxRhs,
        get u() {
            live();
            return u;
        },
        get w() {
            live();
            return w;
        },
        get drive() {
            live();
            return drive;
        },
        solveWordLines(nRhs, omega) {
            check(nRhs);
            const relax = omega !== 1;
            kx.wordLines(rows, cols, nRhs, gOff, wipOff, wcOff, gLeftSiemens, uOff, wOff, driveOff, relax ? tOff : uOff, omega, relax ? 1 : 0);
        },
        solveBitLines(nRhs, omega) {
            check(nRhs);
            const relax = omega !== 1;
            kx.bitLines(rows, cols, nRhs, gOff, bipOff, bcOff, wOff, uOff, relax ? tOff : wOff, omega, relax ? 1 : 0);
        },
    };
}
function align16(bytes) {
    return Math.ceil(bytes / 16) * 16;
}

;// CONCATENATED MODULE: ./src/xbar/irdrop/exact.ts


/**
 * Stop the exact relaxation when the estimated remaining error of every output, Δ·ρ/(1 − ρ) with Δ the last
 * change and ρ the largest of the last three observed contractions per sweep, is below this fraction of the
 * largest output (nax assumption: four orders below the 1e-9 agreement the tests demand against a dense solve).
 */
const EXACT_REL_TOL = 1e-13;
/**
 * Changes this small relative to the largest output are rounding noise, where the contraction estimate is
 * meaningless; the exact solve stops there too.
 */
const ROUNDING_FLOOR_REL = 64 * Number.EPSILON;
/**
 * Sweep cap of the exact solve. The Gauss–Seidel contraction per sweep is roughly the product, over a word line
 * and a bit line, of Σ G / (Σ G + 1/(R_source or R_sink + line resistance)): ≈ 0.01 with the defaults (7 sweeps
 * at N = 128) and ≈ 0.2 at R_source = R_sink = 1 kΩ (13 sweeps with SOR). Measured with SOR, N = 128:
 * R_source = R_sink = 10 kΩ 34 sweeps, 100 kΩ 104 sweeps; N = 16 at 10 MΩ 355 sweeps. A floating array
 * (R_source = R_sink = 1 GΩ) exceeds the cap, and the solve throws rather than return an unconverged matrix.
 */
const EXACT_MAX_SWEEPS = 1000;
/**
 * Upper bound on rows·cols·K of one block of right-hand sides in the exact solve: the kernel's memory holds
 * three such float64 blocks (u, w, scratch; 4 MiB each) beside five [rows, cols] arrays (conductances, line
 * factors), which bounds memory for 512×512 arrays (K = 2; ~22 MiB in all). With the JavaScript line solves,
 * 2^17 (K = 2 at 256×256) was dominated by per-line loop overhead and 2^19 (K = 8) measured 2.07 → 1.34 s CPU.
 * With the WebAssembly ones (line-solves-wasm.ts), 256×256 measured K = 4 0.51 s, K = 8 0.24 s, K = 16 0.43 s
 * CPU: K = 8 is one group of eight right-hand sides carried in registers along a word line, and a larger
 * block only adds memory traffic. The block's joint stopping test may take one sweep more or less than
 * another K would (the matrix agrees beyond 1e-14 relative).
 */
const BLOCK_ELEMENTS = 1 << 19;
function newConvergenceState() {
    return { lastChange: Number.POSITIVE_INFINITY, ratio: Number.NaN, ratio1: Number.NaN, ratio2: Number.NaN, sweeps: 0 };
}
/** Forgets the contraction history (after ω changes). */
function resetContraction(st) {
    st.lastChange = Number.POSITIVE_INFINITY;
    st.ratio = st.ratio1 = st.ratio2 = Number.NaN;
}
/**
 * One convergence test: compares `out` with `prev` (both [cols, K]), copies out into prev and says whether the
 * estimated remaining error Δ·ρ/(1 − ρ) is below EXACT_REL_TOL of the largest output. ρ is the largest of the
 * last three change ratios, so a ratio that dips for one sweep (over-relaxation can make it oscillate) does not
 * end the solve early.
 */
function converged(out, prev, n, st) {
    let change = 0;
    let scale = 0;
    for (let m = 0; m < n; m++) {
        const d = Math.abs(out[m] - prev[m]);
        if (d > change)
            change = d;
        const a = Math.abs(out[m]);
        if (a > scale)
            scale = a;
        prev[m] = out[m];
    }
    const previous = st.lastChange;
    st.lastChange = change;
    st.ratio2 = st.ratio1;
    st.ratio1 = st.ratio;
    st.ratio = previous > 0 && Number.isFinite(previous) ? change / previous : Number.NaN;
    if (change <= ROUNDING_FLOOR_REL * scale)
        return true;
    const rho = Math.max(st.ratio, st.ratio1, st.ratio2); // NaN until three ratios are known
    return rho < 1 && (change * rho) / (1 - rho) <= EXACT_REL_TOL * scale;
}
/** Whether the last three change ratios agree within 1 % of the distance to 1 (a real, dominant eigenvalue). */
function steadyContraction(st) {
    const tol = 0.01 * (1 - st.ratio);
    return Math.abs(st.ratio - st.ratio1) <= tol && Math.abs(st.ratio1 - st.ratio2) <= tol;
}
/**
 * Sweep after which the relaxation switches to block SOR when the Gauss–Seidel contraction ρ observed so far
 * exceeds SOR_MIN_CONTRACTION. A 2×2 block system is consistently ordered, so Young's theory applies: the
 * block-Jacobi eigenvalues are ±μ with μ² ∈ [0, ρ] (the eigenvalues of T⁻¹G·B⁻¹G), the optimal factor is
 * ω = 2/(1 + √(1 − ρ)) and the contraction drops from ρ to ω − 1 (0.2 → 0.06 at R_source = R_sink = 1 kΩ,
 * 0.95 → 0.64). Any ω in (0, 2) converges for an SPD system, so a poor estimate of ρ only costs sweeps.
 */
const SOR_START_SWEEP = 4;
const SOR_MIN_CONTRACTION = 0.05;
/**
 * While over-relaxing, after at least this many sweeps with one ω and a steady contraction λ, ω is re-estimated
 * (adaptive SOR, Hageman & Young, "Applied Iterative Methods", 1981, ch. 9): for ω below the optimum the dominant
 * eigenvalue is real and satisfies (λ + ω − 1)² = λ·ω²·μ², which gives μ² and a better ω. Early estimates of ρ
 * are low, so ω only ever increases towards the optimum.
 */
const SOR_UPDATE_SWEEPS = 8;
/** ω for block SOR from an observed Gauss–Seidel contraction, or 1 (plain Gauss–Seidel) when it does not pay. */
function sorFactor(rho) {
    if (!(rho > SOR_MIN_CONTRACTION && rho < 1))
        return 1;
    return 2 / (1 + Math.sqrt(1 - rho));
}
/** A larger ω inferred from the contraction λ observed under SOR with factor omega, or omega itself. */
function adaptedSorFactor(omega, lambda) {
    if (!(lambda > omega - 1 && lambda < 1))
        return omega;
    const mu2 = (lambda + omega - 1) ** 2 / (lambda * omega * omega);
    const better = sorFactor(Math.min(mu2, 1 - 1e-12));
    return better > omega * (1 + 1e-3) ? better : omega;
}
/** Opens the relaxation workspace of `net` (replacing any earlier one, see line-solves-wasm.ts). */
function relaxationWork(net, nRhs) {
    return { lines: lineSolves(net, nRhs), out: new Float64Array(net.cols * nRhs), prev: new Float64Array(net.cols * nRhs) };
}
/**
 * Relaxes to convergence from a state whose word lines have just been solved (work.u current): bit-line solve,
 * convergence test, word-line solve, repeated; plain Gauss–Seidel first, block SOR from SOR_START_SWEEP on when
 * the contraction warrants it. Leaves the column currents in work.out and returns the number of sweeps.
 */
function relaxToConvergence(net, work, nRhs, wires) {
    const { lines, out, prev } = work;
    const st = newConvergenceState();
    let omega = 1; // plain Gauss–Seidel until SOR pays
    let sorSweeps = 0;
    prev.fill(0, 0, net.cols * nRhs);
    for (;;) {
        lines.solveBitLines(nRhs, omega);
        st.sweeps++;
        outputsFromBitLines(net, lines.w, nRhs, out);
        if (converged(out, prev, net.cols * nRhs, st))
            return st.sweeps;
        if (st.sweeps >= EXACT_MAX_SWEEPS) {
            const detail = `${EXACT_MAX_SWEEPS} sweeps, last change ${st.lastChange.toExponential(2)} A`;
            throw notConvergedError('exact IR-drop solve', net.rows, net.cols, detail, wires);
        }
        const adapt = omega !== 1 && sorSweeps >= SOR_UPDATE_SWEEPS && steadyContraction(st);
        if (st.sweeps === SOR_START_SWEEP || adapt) {
            const next = omega !== 1 ? adaptedSorFactor(omega, st.ratio) : sorFactor(st.ratio);
            if (next !== omega) {
                omega = next;
                sorSweeps = 0;
                resetContraction(st); // the contraction changes; estimate it afresh
            }
        }
        if (omega !== 1)
            sorSweeps++;
        lines.solveWordLines(nRhs, omega);
    }
}
/**
 * Exact effective-matrix rows firstRow…firstRow+K−1 (right-hand side k drives row firstRow + k at 1 V);
 * writes M[firstRow + k][j].
 */
function exactRowsByRelaxation(net, firstRow, nRhs, work, wires, m) {
    const { rows, cols } = net;
    const { drive, u } = work.lines;
    drive.fill(0, 0, rows * nRhs);
    for (let k = 0; k < nRhs; k++)
        drive[(firstRow + k) * nRhs + k] = 1;
    firstWordSweepUnitDrive(net, u, firstRow, nRhs);
    relaxToConvergence(net, work, nRhs, wires);
    for (let k = 0; k < nRhs; k++) {
        const dst = (firstRow + k) * cols;
        for (let j = 0; j < cols; j++)
            m[dst + j] = work.out[j * nRhs + k];
    }
}
function exactEffectiveMatrix(net, wires, m) {
    const { rows, cols } = net;
    const blockRhs = Math.max(1, Math.min(rows, Math.floor(BLOCK_ELEMENTS / (rows * cols))));
    const work = relaxationWork(net, blockRhs);
    for (let first = 0; first < rows; first += blockRhs) {
        exactRowsByRelaxation(net, first, Math.min(blockRhs, rows - first), work, wires, m);
    }
}

;// CONCATENATED MODULE: ./src/xbar/irdrop/fast.ts

/**
 * The fast model's mean-field series stops when its estimated remaining sum is below this fraction of the
 * largest matrix entry (far below the model's own error), or throws after FAST_MAX_ORDERS terms.
 */
const FAST_SERIES_REL_TOL = 1e-9;
/** Allowed error, relative to max M, of the closed-form geometric tail of a slowly converging fast series. */
const FAST_TAIL_REL_TOL = 1e-8;
const FAST_MAX_ORDERS = 1000;
/**
 * The 'fast' effective matrix, O(rows·cols) per order of the series below (typically 3–15 orders).
 *
 * Exact relaxation from W = 0 generates U = Σ_{n≥1} Hⁿ⁻¹·U₁ with H = T⁻¹·G·B⁻¹·G (T: word lines, B: bit lines)
 * and the outputs I = Σ_{i} a[i][j]·U[i][j] (a = the bit-line adjoint, so the last bit-line solve is exact).
 * 1. First sweep, exact and in closed form: with W = 0 only the driven word line r carries current, so
 *    U₁ = e_r ⊗ u_r with u_r[j] = gLeft/p₀·Π_{m=1..j} g_w/p_m, and M₁[r][j] = a[r][j]·u_r[j].
 * 2. Later sweeps, mean field (nax assumption). Inside H the device matrix is replaced by its separable
 *    approximation G[i][l] ≈ γ_i·κ_l (γ_i = mean_l G[i][l], κ_l = mean_i G[i][l] / mean G), every bit line by the
 *    column-averaged line B̄ (shunts γ_i) scaled by β_l = (ΣB̄ + gDown)/(Σ_i G[i][l] + gDown), and every word line
 *    by the row-averaged line T̄ (shunts mean_i G[i][j]) scaled by τ_i = (ΣT̄ + gLeft)/(Σ_j G[i][j] + gLeft) (Σ =
 *    total device conductance of a line). The scalars keep each line's total conductance to ground its own, so the
 *    mean-field sweep contracts like the true one in both limits: driver/sense dominated (β, τ → 1) and
 *    floating (R_source, R_sink → ∞, contraction → 1); without them rows or columns above the mean would be
 *    amplified and the series could diverge. A separable field x ⊗ y stays separable under these operators,
 *    x ← τγ∘B̄⁻¹(γ∘x), y ← T̄⁻¹(κ²β∘y), so order n ≥ 2 adds
 *      ΔM_n[r][j] = s_n[r][j]·y_n[r][j],  s_2 = B̄⁻¹(τγ∘a[·][j]) per column,  y_2 = T̄⁻¹(κβ∘G[r]∘u_r) per row,
 *      s_{n+1} = B̄⁻¹(τγ²∘s_n),  y_{n+1} = T̄⁻¹(κ²β∘y_n),
 *    each a set of tridiagonal solves. The series stops when its geometric tail is < FAST_SERIES_REL_TOL·max M,
 *    or adds that tail in closed form once the ratio of successive terms is steady (slow, floating arrays).
 * What it misses: how the pattern of G within a row or column shapes the sweeps after the first (the separable
 * approximation keeps row and column structure, e.g. all-ON columns or rows, but not the pattern within them).
 *
 * Measured error against 'exact', max over input vectors and columns of |ΔM·V| / max I_ideal (the metric of
 * `bench/irdrop.ts`: random 2-bit levels, 50 % of rows driven at V_read = 0.25 V, R_on 100 kΩ, ON/OFF 6; worst of
 * 3 arrays × 4 input vectors):
 *   defaults R_wire 1 Ω, R_source = R_sink = 100 Ω (reference §2.4 row 1):
 *     N = 16: 2.3e-6, 32: 2.8e-6, 64: 5.6e-6, 128: 1.6e-5        (NF there: 2 %, 4 %, 8 %, 17 %)
 *   R_wire 2.5 Ω, R_source 500 Ω, R_sink 100 Ω (row 2):  N = 64: 1.7e-5, 128: 2.9e-5
 *   R_wire 1 Ω, R_source = R_sink = 1 kΩ (row 3):        N = 16: 1.0e-4, 64: 7.5e-5, 128: 5.8e-5
 *   R_wire 5 Ω, defaults otherwise:                      N = 64: 2.8e-5, 128: 5.7e-5
 *   structured arrays at the defaults, N = 128 (alternating or half ON/OFF rows or columns, checkerboard,
 *   block-diagonal, 90 % OFF): ≤ 7.7e-4; uniform arrays: exact (the mean field is the array).
 * So it stays two to three orders below the 1 % target up to N = 128. For comparison, the first sweep alone
 * (step 1, zero cost beyond the factors) errs by 8.5e-3 at N = 128, and two true relaxation sweeps by 7.5e-5
 * at ~10× the cost of this model. Cost: best-of-N 0.3 ms at 64×64 and 1.5 ms at 128×128 (`bench/irdrop.ts`),
 * 7× and 13× below the exact solve since its line solves run in WebAssembly (> 50× before).
 */
function fastEffectiveMatrix(net, wires, m) {
    const { rows, cols, g, gWireSiemens: gWire, gLeftSiemens, wordInvPivot, wordCoupling, adjointOut } = net;
    // 1. First sweep. u[r][j]: word line r's voltages for 1 V on row r with W = 0.
    const u = new Float64Array(rows * cols);
    let maxM = 0;
    for (let r = 0; r < rows; r++) {
        const row = r * cols;
        let x = gLeftSiemens * wordInvPivot[row];
        for (let j = 0; j < cols; j++) {
            if (j > 0)
                x *= wordCoupling[row + j];
            u[row + j] = x;
            m[row + j] = adjointOut[row + j] * x;
            if (m[row + j] > maxM)
                maxM = m[row + j];
        }
    }
    // 2. Mean-field series.
    const gRowMean = new Float64Array(rows);
    const gColMean = new Float64Array(cols);
    let gMean = 0;
    for (let i = 0; i < rows; i++) {
        for (let j = 0; j < cols; j++) {
            const gij = g[i * cols + j];
            gRowMean[i] += gij / cols;
            gColMean[j] += gij / rows;
            gMean += gij;
        }
    }
    gMean /= rows * cols;
    if (!(gMean > 0))
        return; // no device conducts: no current flows, M₁ = 0 is exact
    // Scalar corrections of each line's Green's function for its own total conductance to ground (see doc).
    const kappa = new Float64Array(cols);
    const beta = new Float64Array(cols);
    for (let j = 0; j < cols; j++) {
        kappa[j] = gColMean[j] / gMean;
        beta[j] = (rows * gMean + net.gDownSiemens) / (rows * gColMean[j] + net.gDownSiemens);
    }
    const tauGamma = new Float64Array(rows);
    for (let i = 0; i < rows; i++) {
        tauGamma[i] = (gRowMean[i] * (cols * gMean + gLeftSiemens)) / (cols * gRowMean[i] + gLeftSiemens);
    }
    const tInvPivot = new Float64Array(cols);
    const tCoupling = new Float64Array(cols);
    factorChain(gColMean, cols - 1, -1, cols, gWire, gLeftSiemens, tInvPivot, tCoupling);
    const bInvPivot = new Float64Array(rows);
    const bCoupling = new Float64Array(rows);
    factorChain(gRowMean, 0, 1, rows, gWire, net.gDownSiemens, bInvPivot, bCoupling);
    // s [r, j] (column j solved along r with B̄), y [r, j] (row r solved along j with T̄).
    const s = new Float64Array(rows * cols);
    const y = new Float64Array(rows * cols);
    for (let i = 0; i < rows; i++) {
        for (let j = 0; j < cols; j++) {
            const n = i * cols + j;
            s[n] = tauGamma[i] * adjointOut[n];
            y[n] = kappa[j] * beta[j] * g[n] * u[n];
        }
    }
    solveMeanBitLines(bInvPivot, bCoupling, rows, cols, s);
    for (let r = 0; r < rows; r++)
        solveChain(tInvPivot, tCoupling, cols - 1, -1, y, r * cols + cols - 1, -1, cols);
    // s and y shrink and grow by many orders of magnitude per order (≈ G/ΣG and ΣG⁻¹ scales), so both are kept
    // normalised to max 1 and their product's magnitude is carried in `scale`.
    let scale = 1;
    let prevMaxTerm = Number.POSITIVE_INFINITY;
    let prevRatio = Number.NaN;
    for (let order = 2;; order++) {
        let maxTerm = 0;
        let sMax = 0;
        let yMax = 0;
        for (let n = 0; n < rows * cols; n++) {
            const term = scale * s[n] * y[n];
            m[n] += term;
            if (term > maxTerm)
                maxTerm = term;
            if (s[n] > sMax)
                sMax = s[n];
            if (y[n] > yMax)
                yMax = y[n];
        }
        // Stop when the geometric tail, term·q/(1 − q) with q the observed ratio of successive terms, is negligible.
        const q = Number.isFinite(prevMaxTerm) ? maxTerm / prevMaxTerm : Number.NaN;
        if (!(sMax > 0 && yMax > 0) || (q < 1 && (maxTerm * q) / (1 - q) <= FAST_SERIES_REL_TOL * maxM))
            return;
        // Slow series (q → 1 as the array floats, R_source and R_sink ≫ 1/ΣG): s and y are power iterations, so the
        // terms become geometric element-wise; once q is steady enough that the tail's error term·δq/(1 − q)² is
        // negligible, add the tail in closed form.
        if (q < 1 && (Math.abs(q - prevRatio) * maxTerm) / ((1 - q) * (1 - q)) <= FAST_TAIL_REL_TOL * maxM) {
            const tailFactor = (scale * q) / (1 - q);
            for (let n = 0; n < rows * cols; n++)
                m[n] += tailFactor * s[n] * y[n];
            return;
        }
        prevMaxTerm = maxTerm;
        prevRatio = q;
        if (order >= FAST_MAX_ORDERS) {
            const detail = `${FAST_MAX_ORDERS} orders, last term ${(maxTerm / maxM).toExponential(2)} of max M`;
            throw notConvergedError('fast IR-drop model', rows, cols, detail, wires);
        }
        scale *= sMax * yMax;
        for (let i = 0; i < rows; i++) {
            const f = (tauGamma[i] * gRowMean[i]) / sMax;
            for (let j = 0; j < cols; j++)
                s[i * cols + j] *= f;
        }
        solveMeanBitLines(bInvPivot, bCoupling, rows, cols, s);
        for (let r = 0; r < rows; r++) {
            const row = r * cols;
            for (let j = 0; j < cols; j++)
                y[row + j] *= (kappa[j] * kappa[j] * beta[j]) / yMax;
            solveChain(tInvPivot, tCoupling, cols - 1, -1, y, row + cols - 1, -1, cols);
        }
    }
}
/** Solves the averaged bit line B̄ (factors [rows]) for every column of x [rows, cols] in place, row by row. */
function solveMeanBitLines(invPivot, coupling, rows, cols, x) {
    for (let i = 1; i < rows; i++) {
        const c = coupling[i - 1];
        for (let j = 0; j < cols; j++)
            x[i * cols + j] += c * x[(i - 1) * cols + j];
    }
    const last = (rows - 1) * cols;
    for (let j = 0; j < cols; j++)
        x[last + j] *= invPivot[rows - 1];
    for (let i = rows - 2; i >= 0; i--) {
        const ip = invPivot[i];
        const c = coupling[i];
        for (let j = 0; j < cols; j++)
            x[i * cols + j] = x[i * cols + j] * ip + c * x[(i + 1) * cols + j];
    }
}

;// CONCATENATED MODULE: ./src/xbar/irdrop/collapsed.ts
/**
 * The zero-wire solver: with R_wire = 0 each line is a single node, and that smaller network is solved directly
 * (Cholesky), with R_source = 0 or R_sink = 0 as fixed node voltages, so nothing is divided by zero.
 */

/**
 * R_wire = 0: each word line is one node u_i tied to its driver by g_S = 1/R_source, each bit line one node w_j
 * tied to ground by g_K = 1/R_sink (R = 0 makes that node voltage fixed: u = V or w = 0). Eliminating u leaves
 * the SPD system A·w = b, A = diag(colSum + g_K) − Σ_i G_i·G_iᵀ/(g_S + rowSum_i), solved by Cholesky.
 */
function solveCollapsed(p) {
    const { g, rows, cols, wires, drive, nRhs } = p;
    const sourceFixed = wires.rSourceOhm === 0;
    const sinkFixed = wires.rSinkOhm === 0;
    const gS = sourceFixed ? Number.POSITIVE_INFINITY : 1 / wires.rSourceOhm;
    const gK = sinkFixed ? Number.POSITIVE_INFINITY : 1 / wires.rSinkOhm;
    const rowSum = new Float64Array(rows);
    const colSum = new Float64Array(cols);
    for (let i = 0; i < rows; i++) {
        for (let j = 0; j < cols; j++) {
            rowSum[i] += g[i * cols + j];
            colSum[j] += g[i * cols + j];
        }
    }
    const u = new Float64Array(rows * nRhs);
    const w = new Float64Array(cols * nRhs);
    if (sourceFixed) {
        u.set(drive.subarray(0, rows * nRhs));
        if (!sinkFixed) {
            for (let i = 0; i < rows; i++) {
                for (let j = 0; j < cols; j++) {
                    const gij = g[i * cols + j];
                    for (let k = 0; k < nRhs; k++)
                        w[j * nRhs + k] += gij * u[i * nRhs + k];
                }
            }
            for (let j = 0; j < cols; j++)
                for (let k = 0; k < nRhs; k++)
                    w[j * nRhs + k] /= gK + colSum[j];
        }
    }
    else if (sinkFixed) {
        for (let i = 0; i < rows; i++) {
            const f = gS / (gS + rowSum[i]);
            for (let k = 0; k < nRhs; k++)
                u[i * nRhs + k] = f * drive[i * nRhs + k];
        }
    }
    else {
        // A [cols, cols] and b [cols, K].
        const a = new Float64Array(cols * cols);
        for (let i = 0; i < rows; i++) {
            const inv = 1 / (gS + rowSum[i]);
            const row = i * cols;
            for (let j = 0; j < cols; j++) {
                const gij = g[row + j] * inv;
                if (gij === 0)
                    continue;
                for (let l = 0; l < cols; l++)
                    a[j * cols + l] -= gij * g[row + l];
            }
            for (let j = 0; j < cols; j++) {
                const f = g[row + j] * gS * inv;
                for (let k = 0; k < nRhs; k++)
                    w[j * nRhs + k] += f * drive[i * nRhs + k];
            }
        }
        for (let j = 0; j < cols; j++)
            a[j * cols + j] += colSum[j] + gK;
        choleskySolveInPlace(a, cols, w, nRhs);
        for (let i = 0; i < rows; i++) {
            const inv = 1 / (gS + rowSum[i]);
            for (let k = 0; k < nRhs; k++) {
                let s = gS * drive[i * nRhs + k];
                for (let j = 0; j < cols; j++)
                    s += g[i * cols + j] * w[j * nRhs + k];
                u[i * nRhs + k] = s * inv;
            }
        }
    }
    const columnCurrentsA = new Float64Array(cols * nRhs);
    const rowCurrentsA = new Float64Array(rows * nRhs);
    for (let i = 0; i < rows; i++) {
        for (let j = 0; j < cols; j++) {
            const gij = g[i * cols + j];
            for (let k = 0; k < nRhs; k++) {
                // Device current; summed per column it is the sink current, per row the driver current (KCL).
                const iDev = gij * (u[i * nRhs + k] - w[j * nRhs + k]);
                columnCurrentsA[j * nRhs + k] += iDev;
                rowCurrentsA[i * nRhs + k] += iDev;
            }
        }
    }
    return { wordNodeV: u, bitNodeV: w, columnCurrentsA, rowCurrentsA };
}
/** Solves A·X = B in place (B [n, K] becomes X) for SPD A [n, n] (overwritten by its Cholesky factor). */
function choleskySolveInPlace(a, n, b, nRhs) {
    for (let j = 0; j < n; j++) {
        let d = a[j * n + j];
        for (let p = 0; p < j; p++)
            d -= a[j * n + p] * a[j * n + p];
        (0,errors/* assert */.v)(d > 0, () => `zero-wire crossbar system not positive definite at ${j} (pivot ${d})`);
        const ljj = Math.sqrt(d);
        a[j * n + j] = ljj;
        for (let i = j + 1; i < n; i++) {
            let s = a[i * n + j];
            for (let p = 0; p < j; p++)
                s -= a[i * n + p] * a[j * n + p];
            a[i * n + j] = s / ljj;
        }
    }
    for (let k = 0; k < nRhs; k++) {
        for (let i = 0; i < n; i++) {
            let s = b[i * nRhs + k];
            for (let p = 0; p < i; p++)
                s -= a[i * n + p] * b[p * nRhs + k];
            b[i * nRhs + k] = s / a[i * n + i];
        }
        for (let i = n - 1; i >= 0; i--) {
            let s = b[i * nRhs + k];
            for (let p = i + 1; p < n; p++)
                s -= a[p * n + i] * b[p * nRhs + k];
            b[i * nRhs + k] = s / a[i * n + i];
        }
    }
}
/** One input vector on a zero-wire crossbar, with its node voltages spread over the (collapsed) lines. */
function collapsedSolution(p) {
    const { g, rows, cols, voltages, wires } = p;
    const sol = solveCollapsed({ g, rows, cols, wires, drive: voltages, nRhs: 1 });
    const wordLineV = new Float64Array(rows * cols);
    const bitLineV = new Float64Array(rows * cols);
    for (let i = 0; i < rows; i++) {
        for (let j = 0; j < cols; j++) {
            wordLineV[i * cols + j] = sol.wordNodeV[i];
            bitLineV[i * cols + j] = sol.bitNodeV[j];
        }
    }
    return { columnCurrentsA: sol.columnCurrentsA, nodes: { rowCurrentsA: sol.rowCurrentsA, wordLineV, bitLineV }, sweeps: 0 };
}

;// CONCATENATED MODULE: ./src/xbar/irdrop/ideal.ts
/** All three resistances zero: no parasitics at all. */
function isIdealWiring(wires) {
    return wires.rWireOhm === 0 && wires.rSourceOhm === 0 && wires.rSinkOhm === 0;
}
/** One input vector on ideal wires: I_j = Σ_i G[i][j]·V_i; row currents Σ_j G[i][j]·V_i. */
function idealSolution(p) {
    const { g, rows, cols, voltages } = p;
    const columnCurrentsA = new Float64Array(cols);
    const rowCurrentsA = new Float64Array(rows);
    const wordLineV = new Float64Array(rows * cols);
    for (let i = 0; i < rows; i++) {
        const v = voltages[i];
        let rowSum = 0;
        for (let j = 0; j < cols; j++) {
            const n = i * cols + j;
            columnCurrentsA[j] += g[n] * v;
            rowSum += g[n];
            wordLineV[n] = v;
        }
        rowCurrentsA[i] = rowSum * v;
    }
    return { columnCurrentsA, nodes: { rowCurrentsA, wordLineV, bitLineV: new Float64Array(rows * cols) }, sweeps: 0 };
}

;// CONCATENATED MODULE: ./src/xbar/irdrop/nf.ts
/** Non-ideality factors (reference §2.3) and the product of an effective matrix with a voltage vector. */

/**
 * Non-ideality factor per column, NF = (I_ideal − I_nonideal)/I_ideal (reference §2.3); NaN for columns
 * skipped because their ideal current is ~0.
 * @param idealA ideal column currents, A, [cols] (or any shape, element-wise).
 * @param nonIdealA non-ideal column currents, same shape.
 */
function nonIdealityFactors(idealA, nonIdealA, opts = {}) {
    assert(idealA.length === nonIdealA.length, () => `ideal has ${idealA.length} currents, non-ideal ${nonIdealA.length}`);
    const minRel = opts.minRelIdealCurrent ?? 1e-9;
    let scale = 0;
    for (let j = 0; j < idealA.length; j++)
        scale = Math.max(scale, Math.abs(idealA[j]));
    const nf = new Float64Array(idealA.length);
    for (let j = 0; j < idealA.length; j++) {
        const ideal = idealA[j];
        nf[j] = scale > 0 && Math.abs(ideal) > minRel * scale ? (ideal - nonIdealA[j]) / ideal : Number.NaN;
    }
    return nf;
}
/** Mean NF over the columns that `nonIdealityFactors` does not skip; NaN when all are skipped. */
function meanNonIdealityFactor(idealA, nonIdealA, opts = {}) {
    const nf = nonIdealityFactors(idealA, nonIdealA, opts);
    let sum = 0;
    let count = 0;
    for (const v of nf) {
        if (!Number.isNaN(v)) {
            sum += v;
            count++;
        }
    }
    return count > 0 ? sum / count : Number.NaN;
}
/** I_j = Σ_i M[i][j]·V_i: column currents of an effective (or conductance) matrix [rows, cols] for voltages [rows]. */
function applyEffectiveMatrix(m, rows, cols, voltages) {
    (0,errors/* assert */.v)(m.length === rows * cols, () => `matrix has ${m.length} entries, expected ${rows}×${cols}`);
    (0,errors/* assert */.v)(voltages.length === rows, () => `voltages has ${voltages.length} entries, expected ${rows}`);
    const out = new Float64Array(cols);
    for (let i = 0; i < rows; i++) {
        const v = voltages[i];
        if (v === 0)
            continue;
        const row = i * cols;
        for (let j = 0; j < cols; j++)
            out[j] += m[row + j] * v;
    }
    return out;
}

;// CONCATENATED MODULE: ./src/xbar/irdrop/solve.ts
/** Entry points: the effective matrix of a programmed crossbar, and its response to one input vector. */







/**
 * The effective matrix M of a programmed crossbar: column currents I_j = Σ_i M[i][j]·V_i (A, with V in volts).
 *
 * @returns M, A/V, [rows, cols] row-major; a copy of g for 'ideal' and when all three resistances are 0.
 * @throws Error (internal) when the relaxation does not converge within its cap (extreme R_source/R_sink).
 */
function effectiveMatrix(p) {
    const { g, rows, cols, wires, model } = p;
    checkArgs(g, rows, cols, wires);
    if (model === 'ideal' || isIdealWiring(wires))
        return g.slice();
    const m = new Float64Array(rows * cols);
    if (wires.rWireOhm === 0) {
        // Small direct solve, exact for both models.
        const drive = new Float64Array(rows * rows);
        for (let i = 0; i < rows; i++)
            drive[i * rows + i] = 1;
        const sol = solveCollapsed({ g, rows, cols, wires, drive, nRhs: rows });
        for (let k = 0; k < rows; k++)
            for (let j = 0; j < cols; j++)
                m[k * cols + j] = sol.columnCurrentsA[j * rows + k];
        return m;
    }
    const net = buildLineNetwork(g, rows, cols, wires);
    if (model === 'fast')
        fastEffectiveMatrix(net, wires, m);
    else
        exactEffectiveMatrix(net, wires, m);
    return m;
}
/**
 * Solves the crossbar for one input vector (what `nax xbar` prints and users check against SPICE). The column
 * currents equal Mᵀ·V for M = effectiveMatrix(p) (same model).
 */
function solveCurrents(p) {
    const { g, rows, cols, voltages, wires, model } = p;
    checkArgs(g, rows, cols, wires);
    (0,errors/* assert */.v)(voltages.length === rows, () => `voltages has ${voltages.length} entries, expected ${rows}`);
    if (model === 'ideal' || isIdealWiring(wires))
        return idealSolution({ g, rows, cols, voltages });
    if (wires.rWireOhm === 0)
        return collapsedSolution({ g, rows, cols, voltages, wires });
    if (model === 'fast') {
        const m = effectiveMatrix({ g, rows, cols, wires, model: 'fast' });
        return { columnCurrentsA: applyEffectiveMatrix(m, rows, cols, voltages), sweeps: 0 };
    }
    const net = buildLineNetwork(g, rows, cols, wires);
    const work = relaxationWork(net, 1);
    const { lines } = work;
    lines.drive.set(voltages);
    lines.solveWordLines(1, 1);
    const sweeps = relaxToConvergence(net, work, 1, wires);
    const rowCurrentsA = new Float64Array(rows);
    for (let i = 0; i < rows; i++)
        rowCurrentsA[i] = net.gLeftSiemens * (voltages[i] - lines.u[i * cols]);
    // Copies: the views belong to the kernel's memory, which the next solve reuses.
    const nodes = { rowCurrentsA, wordLineV: lines.u.slice(), bitLineV: lines.w.slice() };
    return { columnCurrentsA: work.out, nodes, sweeps };
}

;// CONCATENATED MODULE: ./src/xbar/irdrop/index.ts




/***/ }),

/***/ 189:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   EJ: () => (/* binding */ ensureMemory),
/* harmony export */   oe: () => (/* binding */ instantiateKernel)
/* harmony export */ });
/* unused harmony export WASM_PAGE_BYTES */
/**
 * Instantiates one of the project's compiled WebAssembly kernels from its base64 bytes (scripts/build-wasm.mjs):
 * synchronously, with no imports, once per kernel per thread (each worker gets its own instance and memory).
 */
const WASM_PAGE_BYTES = 65536;
function instantiateKernel(base64) {
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    const wasm = globalThis.WebAssembly;
    return new wasm.Instance(new wasm.Module(bytes), {}).exports;
}
/** Grows `memory` so that it holds at least `bytes`. */
function ensureMemory(memory, bytes) {
    const have = memory.buffer.byteLength;
    if (bytes > have)
        memory.grow(Math.ceil((bytes - have) / WASM_PAGE_BYTES));
}


/***/ })

};
