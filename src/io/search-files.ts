/**
 * The names of the files a search folder holds beside its candidates, in a module of their own: the CLI checks
 * them before a merge without loading the renderers that write them (io/search-folder.ts).
 */

/** The search's results (schema nax-pareto/1). */
export const PARETO_FILE = 'pareto.json';
/** The readable summary of pareto.json. */
export const SUMMARY_FILE = 'summary.md';
/** The standalone HTML page of pareto.json (the Pareto scatter and the candidate table). */
export const PARETO_PAGE = 'pareto.html';

/** What a merge writes into its output folder. */
export const MERGED_SEARCH_FILES: readonly string[] = [PARETO_FILE, SUMMARY_FILE, PARETO_PAGE];
