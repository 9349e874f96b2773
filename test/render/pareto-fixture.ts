/**
 * A search result as `nax search` writes it (pareto.json): the committed model, three homogeneous
 * baselines and four searched candidates of a small CNN, with the front and the proposal computed by
 * search/pareto.ts itself.
 */
import { type Candidate, type ParetoDocument, paretoDocument } from '../../src/search/pareto.js';

function candidate(id: string, kind: Candidate['kind'], label: string, accuracy: number, energyJ: number, delayS: number, areaMm2: number): Candidate {
  return { id, kind, label, accuracy, accuracyStd: 0.002, idealAccuracy: 0.982, energyJ, delayS, areaMm2, edap: energyJ * delayS * areaMm2 };
}

export function paretoFixture(): ParetoDocument {
  return paretoDocument([
    candidate('committed', 'committed', 'committed (64×64)', 0.971, 8.49e-6, 5.11e-4, 0.33),
    candidate('homogeneous-32', 'homogeneous', 'homogeneous 32×32', 0.975, 1.2e-5, 9.8e-4, 0.41),
    candidate('homogeneous-64', 'homogeneous', 'homogeneous 64×64', 0.971, 8.49e-6, 5.11e-4, 0.33),
    candidate('homogeneous-128', 'homogeneous', 'homogeneous 128×128', 0.962, 6.1e-6, 2.9e-4, 0.29),
    candidate('searched-lambda-0.1', 'searched', 'searched λ=0.1', 0.974, 7.9e-6, 4.2e-4, 0.31),
    candidate('searched-lambda-0.5', 'searched', 'searched λ=0.5', 0.972, 5.2e-6, 2.1e-4, 0.27),
    candidate('searched-lambda-1', 'searched', 'searched λ=1', 0.965, 3.9e-6, 1.1e-4, 0.24),
    candidate('searched-lambda-2', 'searched', 'searched λ=2', 0.951, 3.1e-6, 0.8e-4, 0.22),
  ], 'edap');
}
