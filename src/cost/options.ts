/**
 * What the cost model needs beyond the component constants: the modelling switches of the technology's
 * `costModel` section and, for device-derived array read energy, the device.
 */
import { type CostModelSwitches, DEFAULT_COST_MODEL } from '../config/cost-model.js';
import { DEFAULT_DEVICE, type DeviceParams, type Technology } from '../config/technology.js';

export interface CostOptions {
  readonly model: CostModelSwitches;
  /** Only R_on, the ON/OFF ratio and V_read are used ('device' array read energy). */
  readonly device: Pick<DeviceParams, 'rOnOhm' | 'onOffRatio' | 'vReadV'>;
}

/** The built-in switches and device: today's accounting (every default listed in config/cost-model.ts). */
export const DEFAULT_COST_OPTIONS: CostOptions = Object.freeze({ model: DEFAULT_COST_MODEL, device: DEFAULT_DEVICE });

/** The cost options a validated technology describes. */
export function costOptionsOf(t: Technology): CostOptions {
  return { model: t.costModel, device: t.device };
}
