/**
 * Loopback emulator of the few GitHub REST endpoints nax calls (issue comments, pulls.get), for tests that
 * run the real Octokit or the bundled action against it. Our own code, after
 * reference/github-action-conventions.md Appendix A; its behaviour there was checked against GitHub:
 * GitHub-shaped comment objects, `Link` pagination, 401 without a token, 403 "Resource not accessible by
 * integration" in read-only mode (a fork PR's token), 422 for bodies over 65,536 characters, 404 for
 * unknown ids.
 *
 * Binds 127.0.0.1 only, on an ephemeral port, and closes itself after `maxLifetimeMs` even if a test
 * forgets to stop it.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ApiUser {
  readonly login: string;
  readonly id: number;
  readonly type: 'Bot' | 'User';
}

export const BOT: ApiUser = { login: 'github-actions[bot]', id: 41898282, type: 'Bot' };
export const HUMAN: ApiUser = { login: 'octocat', id: 1, type: 'User' };

export interface StoredComment {
  id: number;
  node_id: string;
  owner: string;
  repo: string;
  issue_number: number;
  url: string;
  html_url: string;
  issue_url: string;
  body: string;
  user: ApiUser;
  author_association: string;
  created_at: string;
  updated_at: string;
}

export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly query: string;
  readonly auth: string | null;
  readonly body?: unknown;
}

export interface EmulatorState {
  nextId: number;
  comments: StoredComment[];
  requests: RecordedRequest[];
  /** Pull requests answered by GET /repos/{o}/{r}/pulls/{n}: number → head SHA. */
  pulls: Map<string, { headSha: string; labels: string[] }>;
}

export interface EmulatorOptions {
  /** Writes answer 403 like a fork PR's read-only token. */
  readonly readOnly?: boolean;
  /** Closes the server after this long, ms. Default 120,000. */
  readonly maxLifetimeMs?: number;
}

export interface GitHubApiEmulator {
  /** http://127.0.0.1:<port> */
  readonly url: string;
  readonly state: EmulatorState;
  readOnly: boolean;
  /** Adds a comment as `user` (a human by default). */
  seedComment(issue: { owner: string; repo: string; number: number }, body: string, user?: ApiUser): StoredComment;
  /** Makes GET pulls/{n} answer with this head SHA. */
  seedPull(pr: { owner: string; repo: string; number: number; headSha: string; labels?: string[] }): void;
  /** Answers the next `count` API requests with `status` (a transient failure, e.g. 502). */
  failNext(count: number, status: number, message?: string): void;
  /** Comments on one issue, in creation order. */
  commentsOn(issue: { owner: string; repo: string; number: number }): StoredComment[];
  reset(): void;
  close(): Promise<void>;
}

const COMMENT_MAX_CHARS = 65_536;

function now(): string {
  return new Date().toISOString();
}

export async function startGitHubApi(options: EmulatorOptions = {}): Promise<GitHubApiEmulator> {
  const state: EmulatorState = { nextId: 1000, comments: [], requests: [], pulls: new Map() };
  let base = '';
  let readOnly = options.readOnly ?? false;
  const failures: { count: number; status: number; message?: string } = { count: 0, status: 502 };

  const mkComment = (owner: string, repo: string, issue: number, body: string, user: ApiUser): StoredComment => {
    const id = state.nextId++;
    return {
      id, node_id: `IC_${id}`, owner, repo, issue_number: issue,
      url: `${base}/repos/${owner}/${repo}/issues/comments/${id}`,
      html_url: `https://github.com/${owner}/${repo}/pull/${issue}#issuecomment-${id}`,
      issue_url: `${base}/repos/${owner}/${repo}/issues/${issue}`,
      body, user, author_association: user.type === 'Bot' ? 'NONE' : 'OWNER', created_at: now(), updated_at: now(),
    };
  };
  const pub = (c: StoredComment) => {
    const { owner: _o, repo: _r, issue_number: _n, ...rest } = c;
    return rest;
  };
  const send = (res: http.ServerResponse, status: number, body?: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, {
      'content-type': 'application/json; charset=utf-8',
      'x-github-media-type': 'github.v3; format=json',
      'x-ratelimit-limit': '5000',
      'x-ratelimit-remaining': '4999',
      'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 3600),
      'x-ratelimit-resource': 'core',
      'x-github-request-id': `LOCAL:${state.requests.length}`,
      ...headers,
    });
    res.end(body === undefined ? '' : JSON.stringify(body));
  };
  const forbidden = (res: http.ServerResponse) => send(res, 403, {
    message: 'Resource not accessible by integration',
    documentation_url: 'https://docs.github.com/rest/issues/comments#create-an-issue-comment', status: '403',
  });
  const notFound = (res: http.ServerResponse) => send(res, 404, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest', status: '404' });
  const tooLong = (res: http.ServerResponse) => send(res, 422, {
    message: 'Validation Failed',
    errors: [{ resource: 'IssueComment', code: 'unprocessable', field: 'data', message: 'Body is too long (maximum is 65536 characters)' }],
    documentation_url: 'https://docs.github.com/rest/issues/comments#create-an-issue-comment', status: '422',
  });

  const handle = (req: http.IncomingMessage, res: http.ServerResponse, raw: string) => {
    const url = new URL(req.url ?? '/', base);
    let body: { body?: string } | undefined;
    try {
      body = raw ? (JSON.parse(raw) as { body?: string }) : undefined;
    } catch {
      return send(res, 400, { message: 'Problems parsing JSON' });
    }
    const auth = req.headers.authorization ? req.headers.authorization.split(' ')[0] : null;
    state.requests.push({ method: req.method ?? '', path: url.pathname, query: url.search, auth, body });
    if (!req.headers.authorization) return send(res, 401, { message: 'Requires authentication', status: '401' });
    if (failures.count > 0) {
      failures.count--;
      return send(res, failures.status, { message: failures.message ?? `emulated transient failure ${failures.status}` });
    }
    let m: RegExpMatchArray | null;
    if ((m = url.pathname.match(/^\/repos\/([^/]+)\/([^/]+)\/issues\/(\d+)\/comments$/))) {
      const [, owner, repo, n] = m;
      if (req.method === 'GET') {
        const all = state.comments.filter((c) => c.owner === owner && c.repo === repo && c.issue_number === Number(n));
        const per = Math.min(Number(url.searchParams.get('per_page') ?? 30), 100);
        const page = Number(url.searchParams.get('page') ?? 1);
        const last = Math.max(1, Math.ceil(all.length / per));
        const link = (p: number) => {
          const u = new URL(url);
          u.searchParams.set('page', String(p));
          u.searchParams.set('per_page', String(per));
          return u.toString();
        };
        const links: string[] = [];
        if (page < last) links.push(`<${link(page + 1)}>; rel="next"`, `<${link(last)}>; rel="last"`);
        if (page > 1) links.push(`<${link(1)}>; rel="first"`, `<${link(page - 1)}>; rel="prev"`);
        return send(res, 200, all.slice((page - 1) * per, page * per).map(pub), links.length ? { link: links.join(', ') } : {});
      }
      if (req.method === 'POST') {
        if (readOnly) return forbidden(res);
        if ((body?.body ?? '').length > COMMENT_MAX_CHARS) return tooLong(res);
        const c = mkComment(owner, repo, Number(n), body?.body ?? '', BOT);
        state.comments.push(c);
        return send(res, 201, pub(c), { location: c.url });
      }
    }
    if ((m = url.pathname.match(/^\/repos\/([^/]+)\/([^/]+)\/issues\/comments\/(\d+)$/))) {
      const c = state.comments.find((x) => x.id === Number((m as RegExpMatchArray)[3]));
      if (!c) return notFound(res);
      if (req.method === 'PATCH') {
        if (readOnly) return forbidden(res);
        if ((body?.body ?? '').length > COMMENT_MAX_CHARS) return tooLong(res);
        c.body = body?.body ?? '';
        c.updated_at = now();
        return send(res, 200, pub(c));
      }
      if (req.method === 'GET') return send(res, 200, pub(c));
    }
    if ((m = url.pathname.match(/^\/repos\/([^/]+)\/([^/]+)\/pulls\/(\d+)$/)) && req.method === 'GET') {
      const [, owner, repo, n] = m;
      const pr = state.pulls.get(`${owner}/${repo}#${n}`);
      if (!pr) return notFound(res);
      return send(res, 200, {
        number: Number(n), state: 'open',
        head: { sha: pr.headSha, ref: 'changes' }, base: { sha: '0'.repeat(40), ref: 'main' },
        labels: pr.labels.map((name, i) => ({ id: i + 1, name })),
      });
    }
    return notFound(res);
  };

  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (d: Buffer) => (raw += d.toString('utf8')));
    req.on('end', () => handle(req, res, raw));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const close = () => new Promise<void>((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });
  const lifetime = setTimeout(() => void close(), options.maxLifetimeMs ?? 120_000);
  lifetime.unref();

  return {
    url: base,
    state,
    get readOnly() {
      return readOnly;
    },
    set readOnly(v: boolean) {
      readOnly = v;
    },
    seedComment(issue, body, user = HUMAN) {
      const c = mkComment(issue.owner, issue.repo, issue.number, body, user);
      state.comments.push(c);
      return c;
    },
    seedPull(pr) {
      state.pulls.set(`${pr.owner}/${pr.repo}#${pr.number}`, { headSha: pr.headSha, labels: pr.labels ?? [] });
    },
    commentsOn(issue) {
      return state.comments.filter((c) => c.owner === issue.owner && c.repo === issue.repo && c.issue_number === issue.number);
    },
    failNext(count, status, message) {
      failures.count = count;
      failures.status = status;
      failures.message = message;
    },
    reset() {
      failures.count = 0;
      state.comments = [];
      state.requests = [];
      state.pulls.clear();
      readOnly = false;
    },
    async close() {
      clearTimeout(lifetime);
      if (server.listening) await close();
    },
  };
}
