/** Command-line values shared by the bench scripts. */
import { COST_MODEL_CHOICES, type CostModelSwitches } from '../src/config/cost-model.js';
import { COST_MODEL_FLAGS } from '../src/cli/cost-model-options.js';

/** The value after `--name`, if given. */
export function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

/** The cost-model switches given as the CLI's flags (--delay-model pumaAdc, --leakage alwaysOn, …), each checked. */
export function costModelArgs(): Partial<CostModelSwitches> {
  const out: Record<string, string> = {};
  for (const [name, flag] of Object.entries(COST_MODEL_FLAGS)) {
    const v = arg(flag.slice(2));
    if (v === undefined) continue;
    const choices = COST_MODEL_CHOICES[name as keyof typeof COST_MODEL_CHOICES] as readonly string[];
    if (!choices.includes(v)) throw new Error(`${flag}: ${v} is not one of ${choices.join(', ')}`);
    out[name] = v;
  }
  return out as Partial<CostModelSwitches>;
}
