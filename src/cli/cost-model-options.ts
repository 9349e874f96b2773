/**
 * Command-line overrides of the cost-model switches (`costModel` in technology.json), shared by the commands
 * that cost a network.
 */
import { type Command, Option } from 'commander';
import { COST_MODEL_CHOICES, type CostModelSwitchName, type CostModelSwitches } from '../config/cost-model.js';

/** Option flag of each switch, e.g. `--delay-model`. */
export const COST_MODEL_FLAGS: Readonly<Record<CostModelSwitchName, string>> = {
  delayModel: '--delay-model',
  adcAreaModel: '--adc-area-model',
  arrayReadEnergy: '--array-read-energy',
  partialSumMovement: '--partial-sum-movement',
  leakage: '--leakage',
};

/** Adds one option per switch, restricted to its values. */
export function addCostModelOptions(cmd: Command): Command {
  for (const [name, flag] of Object.entries(COST_MODEL_FLAGS) as Array<[CostModelSwitchName, string]>) {
    cmd.addOption(new Option(`${flag} <value>`, `cost model: ${name} (overrides technology.json costModel)`).choices(COST_MODEL_CHOICES[name]));
  }
  return cmd;
}

/** The switches given on the command line (commander's camel-cased option names are the switch names). */
export function costModelOverride(options: object): Partial<CostModelSwitches> | undefined {
  const o = options as Partial<Record<CostModelSwitchName, string>>;
  const out: Record<string, string> = {};
  for (const name of Object.keys(COST_MODEL_FLAGS) as CostModelSwitchName[]) if (o[name] !== undefined) out[name] = o[name];
  return Object.keys(out).length > 0 ? (out as Partial<CostModelSwitches>) : undefined;
}
