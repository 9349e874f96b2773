/**
 * The action's API client against the loopback emulator: transient failures (5xx, a secondary rate
 * limit) are retried, a plain 403 is not, and a request that never got an answer is called a network
 * failure, not "HTTP 500".
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { githubClient, isNetworkFailure } from '../../src/github/client.js';
import { commentFailureMessage } from '../../src/github/publish.js';
import { type GitHubApiEmulator, startGitHubApi } from '../support/github-api.js';

let api: GitHubApiEmulator;
beforeAll(async () => {
  api = await startGitHubApi({ maxLifetimeMs: 60_000 });
});
afterAll(() => api.close());

const list = (baseUrl: string) => githubClient('fake-token', { baseUrl, retryAfterBaseMs: 1 })
  .rest.issues.listComments({ owner: 'o', repo: 'r', issue_number: 1 });
const calls = () => api.state.requests.filter((q) => q.path === '/repos/o/r/issues/1/comments').length;

describe('githubClient', () => {
  test('two 502s in a row are retried until the answer comes', async () => {
    api.reset();
    api.failNext(2, 502);
    await expect(list(api.url)).resolves.toMatchObject({ status: 200 });
    expect(calls()).toBe(3);
  });

  test('a secondary rate limit (403 saying so) is retried; any other 403 is not', async () => {
    api.reset();
    api.failNext(1, 403, 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.');
    await expect(list(api.url)).resolves.toMatchObject({ status: 200 });
    expect(calls()).toBe(2);
    api.reset();
    api.failNext(1, 403, 'Resource not accessible by integration');
    await expect(list(api.url)).rejects.toMatchObject({ status: 403 });
    expect(calls()).toBe(1);
  });

  test('a refused connection is a network failure, said as one after the retries', async () => {
    // Port 9 (discard) on the loopback: nothing listens there.
    const e = await list('http://127.0.0.1:9').catch((x: unknown) => x);
    expect(isNetworkFailure(e)).toBe(true);
    expect(commentFailureMessage(e)).toMatch(/^Could not post the PR comment: a network failure reaching the GitHub API \(.+\), retried 3 times\./);
    expect(commentFailureMessage(e)).not.toContain('HTTP 500');
  }, 30_000);
});
