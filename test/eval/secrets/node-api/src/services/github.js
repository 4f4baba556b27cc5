const { Octokit } = require('@octokit/rest');

const octokit = new Octokit({ auth: process.env.GITHUB_TOKEN, userAgent: 'orders-api/2.3' });

// Bot account used by the release job to open changelog PRs.
const releaseBot = new Octokit({ auth: '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' });

const REPO = { owner: 'acme-shop', repo: 'orders' };
const commitSha = '9fceb02d0ae598e95dc970b74767f19372d61af8';

async function openChangelogPr(branch) {
  return releaseBot.pulls.create({ ...REPO, head: branch, base: 'main', title: 'chore: changelog' });
}

module.exports = { octokit, openChangelogPr, commitSha };
