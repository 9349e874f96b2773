/** The ADC's range: its largest code and the column current of one LSB (mapping `adcBits`, `adcFullScale`). */
import type { LayerMapping } from '../config/mapping.js';
import { type Technology, conductances } from '../config/technology.js';
import { assert } from '../errors.js';
import type { PreparedLayer } from './crossbar-layer.js';

/** Largest ADC code of a mapping (bipolar one bit narrower per polarity for 'balanced'). */
export function adcMaxCode(m: LayerMapping): number {
  return m.signMapping === 'balanced' ? 2 ** (m.adcBits - 1) - 1 : 2 ** m.adcBits - 1;
}

/**
 * Column current of one ADC LSB, in units of one level × one DAC code, from the mapping's full-scale range
 * (config/mapping.ts AdcFullScale). 'calibrated' needs the layer's measured peak (`measureAdcPeak`).
 */
export function adcStepOf(p: PreparedLayer, technology: Technology): number {
  const m = p.mapping;
  const fs = m.adcFullScale ?? 'unitStep';
  if (fs === 'unitStep') return 1;
  const levels = adcMaxCode(m);
  const cellMax = 2 ** m.bitsPerCell - 1;
  const dacMax = 2 ** m.dacBits - 1;
  let fullScaleUnits: number;
  if (fs === 'lossless') fullScaleUnits = m.rows * cellMax * dacMax;
  else if (fs === 'calibrated') {
    const peak = p.calibration.adcPeakUnits;
    assert(peak !== undefined, () => `layer '${p.node.name}': adcFullScale 'calibrated' without a measured peak`);
    fullScaleUnits = Math.max(peak, 1);
  } else {
    const { gOnSiemens, gOffSiemens } = conductances(technology.device);
    const unitA = ((gOnSiemens - gOffSiemens) / cellMax) * (technology.device.vReadV / dacMax);
    fullScaleUnits = (fs * 1e-6) / unitA;
  }
  return fullScaleUnits / levels;
}
