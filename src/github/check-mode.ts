/**
 * `mode: check` (default): resolve the base commit, simulate base and head with the same seeds, compare,
 * write the report file, publish, gate. With `shard: i/n` only this leg's Monte Carlo samples run and the
 * shard report is written; the `mode: merge` job gives the verdict.
 */
import path from 'node:path';
import { checkRenderInput, runCheck } from '../check.js';
import { dirSource } from '../io/files.js';
import { budgetAnnotations } from './annotations.js';
import { resolveBaseCommit } from './base-commit.js';
import type { CheckArtifact } from './check-artifact.js';
import { pullRequestOf, runUrlOf } from './event.js';
import { inputTierLocator } from './inputs.js';
import { acknowledgementOf, commentDecision, ignoredAcknowledgeInput, issueOf, type ModeContext } from './mode-context.js';
import { publishResult } from './publish.js';
import { prSearchSection } from './pr-search.js';
import { writeHtmlReport } from './html-report.js';
import { checkReportPath, writeReportFile } from '../io/report-file.js';

/** Text of a repository file, or undefined when it cannot be read (annotations then go without lines). */
async function textOf(repoDir: string, rel: string): Promise<string | undefined> {
  try {
    return new TextDecoder().decode(await dirSource(repoDir).read(rel));
  } catch {
    return undefined;
  }
}

export async function checkMode(ctx: ModeContext): Promise<void> {
  const { inputs, env, repoDir } = ctx;
  const reportOptions = { overwrite: inputs.overwriteReport, shownAs: inputs.reportPath };
  // An unwritable report-path fails now, not after the simulation.
  await checkReportPath(path.resolve(repoDir, inputs.reportPath), reportOptions);
  const pr = pullRequestOf(env.payload);
  const acknowledgement = acknowledgementOf(inputs, pr?.labels ?? [], env.eventName);
  const ignored = ignoredAcknowledgeInput(inputs, env.eventName);
  if (ignored) ctx.progress(ignored);
  const baseline = await resolveBaseCommit({
    repoDir, ...(inputs.baseRef ? { baseRef: inputs.baseRef } : {}), ...(pr ? { pullRequest: pr } : {}),
    eventName: env.eventName, payload: env.payload,
  });
  ctx.progress(baseline.commit
    ? `base: ${baseline.commit.slice(0, 7)}${baseline.ref ? ` (${baseline.ref})` : ''}, ${baseline.resolvedBy}`
    : `base: none (${baseline.missingReason ?? baseline.resolvedBy})`);
  const result = await runCheck({
    repoDir,
    configPath: inputs.config,
    baseline,
    ...(inputs.shard || inputs.imageShard
      ? { overrides: { shard: inputs.shard ?? { index: 0, count: 1 }, ...(inputs.imageShard ? { imageShard: inputs.imageShard } : {}) } }
      : {}),
    budgetOverrides: inputs.budgetOverrides,
    budgetOverrideLocator: inputTierLocator,
    ...(acknowledgement ? { acknowledgement } : {}),
    progress: ctx.progress,
    ...(ctx.runner ? { runner: ctx.runner } : {}),
  });
  const headSha = pr?.headSha ?? result.headCommit;
  const runUrl = runUrlOf(env);
  const artifact: CheckArtifact = {
    ...result.head,
    check: {
      version: 1,
      ...(env.repository ? { repository: `${env.repository.owner}/${env.repository.repo}` } : {}),
      ...(pr ? { pullRequest: { number: pr.number, headSha: pr.headSha, baseSha: pr.baseSha } } : {}),
      ...(headSha ? { headSha } : {}),
      baseline: result.baseInfo,
      ...(result.base ? { base: result.base } : {}),
      budgets: result.budgets,
      gate: { budgetsFrom: result.gate.budgetsFrom, changes: result.gate.changes },
      ...(acknowledgement ? { acknowledgement } : {}),
      verdict: result.comparison.verdict,
      configPath: inputs.config,
      ...(runUrl ? { runUrl } : {}),
    },
  };
  await writeReportFile(path.resolve(repoDir, inputs.reportPath), artifact, reportOptions);

  const issue = issueOf(ctx, pr);
  if (inputs.shard || inputs.imageShard) {
    const p = ctx.publisherFor(undefined);
    const { index, count } = inputs.shard ?? { index: 0, count: 1 };
    const images = inputs.imageShard ? `, image shard ${inputs.imageShard.index + 1}/${inputs.imageShard.count}` : '';
    p.info(`shard ${index + 1}/${count}${images}: report written to ${inputs.reportPath}; the mode: merge job compares, comments and gates`);
    p.setOutputs({ report: inputs.reportPath, verdict: '' });
    return;
  }
  const htmlReportName = await writeHtmlReport(repoDir, inputs.reportPath, { head: result.head, ...(result.base ? { base: result.base } : {}) },
    { overwrite: inputs.overwriteReport });
  const mappingPath = result.headConfig.mapping;
  const [mappingText, configText] = await Promise.all([textOf(repoDir, mappingPath), textOf(repoDir, inputs.config)]);
  const decision = commentDecision(ctx, issue);
  const searchSection = inputs.search
    ? await prSearchSection({ repoDir, config: inputs.config, ...(inputs.budgetS !== undefined ? { budgetS: inputs.budgetS } : {}), progress: ctx.progress, ...(ctx.runner ? { runner: ctx.runner } : {}) })
    : undefined;
  await publishResult(ctx.publisherFor(issue), {
    render: {
      ...checkRenderInput(result, { ...(headSha ? { headSha } : {}), reportName: inputs.reportPath }),
      ...(runUrl ? { runUrl } : {}),
      ...(ignored ? { notes: [ignored] } : {}),
      htmlReportName,
      ...(searchSection ? { searchSection } : {}),
    },
    postComment: decision.post,
    ...(decision.reason ? { noCommentReason: decision.reason } : {}),
    annotations: budgetAnnotations(result.comparison, {
      ...(mappingText !== undefined ? { mapping: { path: mappingPath, text: mappingText } } : {}),
      ...(configText !== undefined ? { config: { path: inputs.config, text: configText } } : {}),
    }),
    reportPath: inputs.reportPath,
    gate: 'verdict',
    failOnMissingBaseline: inputs.failOnMissingBaseline,
  });
}
