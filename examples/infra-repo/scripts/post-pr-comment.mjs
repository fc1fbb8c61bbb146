#!/usr/bin/env node
// Post a markdown file as THE access-diff comment of a pull request: the first run creates it, later runs edit it
// (found again by a hidden marker), so a pull request carries one current diff instead of one per push.
//   node scripts/post-pr-comment.mjs <pull-request-number> <markdown-file>
// Needs GITHUB_TOKEN (pull-requests: write) and GITHUB_REPOSITORY (owner/name); GITHUB_API_URL is set by Actions
// (default https://api.github.com). Uses only the REST API's issue-comment endpoints.
import { readFileSync } from 'node:fs';

const MARKER = '<!-- kinesis-access:access-diff -->';
// GitHub refuses comment bodies over 65,536 characters.
const MAX_BODY = 65_536;

const [number, file] = process.argv.slice(2);
const { GITHUB_TOKEN: token, GITHUB_REPOSITORY: repository } = process.env;
const api = (process.env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, '');
if (!/^\d+$/.test(number ?? '') || !file) {
  console.error('usage: post-pr-comment.mjs <pull-request-number> <markdown-file>');
  process.exit(2);
}
if (!token || !repository) {
  console.error('post-pr-comment: GITHUB_TOKEN and GITHUB_REPOSITORY must be set');
  process.exit(2);
}

let body = `${MARKER}\n${readFileSync(file, 'utf8')}`;
if (body.length > MAX_BODY) {
  const note = '\n\n… cut to fit a GitHub comment: run `kinesis-access diff` for the whole diff.\n';
  body = body.slice(0, MAX_BODY - note.length) + note;
}

async function call(method, path, payload) {
  const response = await fetch(`${api}${path}`, {
    method,
    headers: {
      accept: 'application/vnd.github+json',
      authorization: `Bearer ${token}`,
      'x-github-api-version': '2022-11-28',
      ...(payload === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(payload === undefined ? {} : { body: JSON.stringify(payload) }),
  });
  if (!response.ok) {
    throw new Error(`${method} ${path}: HTTP ${response.status} ${(await response.text()).slice(0, 500)}`);
  }
  return response.json();
}

async function findComment() {
  for (let page = 1; ; page++) {
    const comments = await call(
      'GET',
      `/repos/${repository}/issues/${number}/comments?per_page=100&page=${page}`,
    );
    const mine = comments.find((c) => typeof c.body === 'string' && c.body.startsWith(MARKER));
    if (mine || comments.length < 100) return mine;
  }
}

try {
  const existing = await findComment();
  const comment = existing
    ? await call('PATCH', `/repos/${repository}/issues/comments/${existing.id}`, { body })
    : await call('POST', `/repos/${repository}/issues/${number}/comments`, { body });
  console.log(`${existing ? 'updated' : 'posted'} ${comment.html_url ?? `comment ${comment.id}`}`);
} catch (error) {
  console.error(`post-pr-comment: ${error.message}`);
  process.exit(1);
}
