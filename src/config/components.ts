/**
 * Component cost constants (energy, latency, area) for the EDAP model. Owned by the cost-model work
 * (issue 3); this first version only fixes the interface that technology.ts composes.
 */
export interface ComponentCosts {
  readonly [key: string]: number;
}

export const DEFAULT_COMPONENTS: ComponentCosts = {};

export function parseComponents(_raw: unknown, _file: string, _field: string, base: ComponentCosts): ComponentCosts {
  return base;
}
