/** `budgets:` section of nax.yml. Owned by the action work (issue 4); this first version fixes the interface. */
export interface Budgets {
  readonly [key: string]: unknown;
}
export function parseBudgets(_raw: unknown, _file: string, _field: string): Budgets {
  return {};
}
