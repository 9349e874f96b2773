import { afterAll, beforeAll, beforeEach, describe, expect, test } from '@jest/globals';
import { getOctokit } from '@actions/github';
import {
  type IssueComment,
  type Octokit,
  findStickyComment,
  upsertStickyComment,
} from '../../src/github/sticky-comment.js';
import { COMMENT_MARKER } from '../../src/render/markdown.js';
import { BOT, type GitHubApiEmulator, HUMAN, startGitHubApi } from '../support/github-api.js';

const match = { marker: COMMENT_MARKER, author: 'github-actions[bot]' };
const comment = (id: number, body: string, user: IssueComment['user']): IssueComment => ({ id, body, user });

describe('findStickyComment', () => {
  test('ours: marker at the start and our author', () => {
    const c = [comment(1, 'hello', { login: 'octocat', type: 'User' }), comment(2, `${COMMENT_MARKER}\nv1`, { login: 'github-actions[bot]', type: 'Bot' })];
    expect(findStickyComment(c, match)?.id).toBe(2);
  });

  test('a human comment with the pasted marker is ignored', () => {
    const c = [comment(1, `${COMMENT_MARKER}\nI pasted this`, { login: 'octocat', type: 'User' })];
    expect(findStickyComment(c, match)).toBeUndefined();
  });

  test('another bot with the marker is ignored, and so is our bot without it', () => {
    const c = [
      comment(1, `${COMMENT_MARKER}\nx`, { login: 'renovate[bot]', type: 'Bot' }),
      comment(2, 'no marker here', { login: 'github-actions[bot]', type: 'Bot' }),
      comment(3, `quoted: ${COMMENT_MARKER}`, { login: 'github-actions[bot]', type: 'Bot' }),
      comment(4, `${COMMENT_MARKER}`, null),
    ];
    expect(findStickyComment(c, match)).toBeUndefined();
  });

  test('a configured author (a PAT user) is matched by login', () => {
    const c = [comment(5, `${COMMENT_MARKER}\nx`, { login: 'nax-bot', type: 'User' })];
    expect(findStickyComment(c, { ...match, author: 'nax-bot' })?.id).toBe(5);
  });
});

describe('upsertStickyComment against the loopback API', () => {
  let api: GitHubApiEmulator;
  let client: Octokit;
  const issue = { owner: 'Codertocat', repo: 'Hello-World', issueNumber: 2 };
  const pr = { owner: 'Codertocat', repo: 'Hello-World', number: 2 };

  beforeAll(async () => {
    api = await startGitHubApi({ maxLifetimeMs: 60_000 });
    expect(api.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    client = getOctokit('fake-token', { baseUrl: api.url });
  });
  afterAll(async () => {
    await api.close();
  });
  beforeEach(() => api.reset());

  test('250 existing comments: pages through all of them, creates once, then updates in place', async () => {
    for (let i = 0; i < 250; i++) api.seedComment(pr, `human comment ${i}`);
    const first = await upsertStickyComment(client, issue, { ...match, body: `${COMMENT_MARKER}\nv1` });
    expect(first.action).toBe('created');
    const gets = api.state.requests.filter((r) => r.method === 'GET');
    expect(gets.map((r) => new URLSearchParams(r.query).get('page') ?? '1')).toEqual(['1', '2', '3']);
    expect(gets.every((r) => new URLSearchParams(r.query).get('per_page') === '100')).toBe(true);

    const second = await upsertStickyComment(client, issue, { ...match, body: `${COMMENT_MARKER}\nv2` });
    expect(second).toMatchObject({ action: 'updated', id: first.id });
    const ours = api.commentsOn(pr).filter((c) => c.user.login === BOT.login);
    expect(ours).toHaveLength(1);
    expect(ours[0].body).toBe(`${COMMENT_MARKER}\nv2`);
    expect(api.state.requests.at(-1)).toMatchObject({ method: 'PATCH', path: `/repos/Codertocat/Hello-World/issues/comments/${first.id}` });
  });

  test('our comment on the last page is found', async () => {
    for (let i = 0; i < 230; i++) api.seedComment(pr, `human comment ${i}`);
    const mine = api.seedComment(pr, `${COMMENT_MARKER}\nold`, BOT);
    for (let i = 0; i < 20; i++) api.seedComment(pr, `later comment ${i}`);
    const r = await upsertStickyComment(client, issue, { ...match, body: `${COMMENT_MARKER}\nnew` });
    expect(r).toMatchObject({ action: 'updated', id: mine.id });
  });

  test('a spoofed marker in a human comment is left alone', async () => {
    const spoof = api.seedComment(pr, `${COMMENT_MARKER}\n### ✅ nax: within budget (fake)`, HUMAN);
    const r = await upsertStickyComment(client, issue, { ...match, body: `${COMMENT_MARKER}\nreal` });
    expect(r.action).toBe('created');
    expect(r.id).not.toBe(spoof.id);
    expect(api.commentsOn(pr).find((c) => c.id === spoof.id)?.body).toContain('(fake)');
  });

  test('a read-only token (fork PR) rejects with status 403', async () => {
    api.readOnly = true;
    await expect(upsertStickyComment(client, issue, { ...match, body: `${COMMENT_MARKER}\nx` })).rejects.toMatchObject({ status: 403 });
    expect(api.commentsOn(pr)).toHaveLength(0);
  });
});
