// Throughput and latency of the built server on loopback, next to a trivial route of the same
// server; JavaScript shipped per page type; server memory under load.
import autocannon from 'autocannon';
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { benchTrainee, benchTrainer } from './generate';

const port = Number(process.env.BENCH_PORT ?? 4199);
const base = `http://127.0.0.1:${port}`;
const seconds = Number(process.env.BENCH_SECONDS ?? 8);
const dir = mkdtempSync(join(tmpdir(), 'rehearse-bench-'));
const env = { ...process.env, PGLITE_DIR: join(dir, 'db'), DATABASE_URL: '', DEMO_SEED: 'off', PORT: String(port), ORIGIN: base };

console.log('Generating 2,000 trainees on the embedded database…');
execFileSync('npx', ['tsx', 'tests/bench/generate.ts'], { env, stdio: 'inherit' });

const server = spawn('node', ['build'], { env, stdio: ['ignore', 'ignore', 'inherit'] });
const rss = () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${server.pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
for (let i = 0; ; i++) {
	if ((await fetch(`${base}/healthz`).catch(() => null))?.ok) break;
	if (i > 100) throw new Error('server did not start');
	await new Promise((r) => setTimeout(r, 200));
}

async function signIn(account: { email: string; password: string }) {
	const response = await fetch(`${base}/sign-in`, {
		method: 'POST',
		body: new URLSearchParams(account),
		redirect: 'manual',
		headers: { origin: base }
	});
	const cookie = response.headers.get('set-cookie')?.split(';')[0];
	if (!cookie) throw new Error(`sign-in failed for ${account.email}`);
	return cookie;
}
const trainee = await signIn(benchTrainee);
const trainer = await signIn(benchTrainer);
const reportPath = /href="(\/trainer\/cohorts\/[0-9a-f-]+)\/report"/.exec(await (await fetch(`${base}/trainer`, { headers: { cookie: trainer } })).text())![1] + '/report';

async function load(path: string, cookie?: string) {
	const result = await autocannon({ url: base + path, connections: 10, duration: seconds, headers: cookie ? { cookie } : {} });
	if (result.non2xx || result.errors) throw new Error(`${path}: ${result.non2xx} non-2xx, ${result.errors} errors`);
	return { rps: Math.round(result.requests.average), p50: result.latency.p50, p99: result.latency.p99 };
}

/** Gzip bytes of the JavaScript a page loads: its module preloads and the entry imports. */
async function javascript(path: string, cookie: string) {
	const response = await fetch(base + path, { headers: { cookie } });
	// SvelteKit lists module preloads in the Link header and the entry points in the HTML; paths
	// are relative ("../../_app/…") and all resolve under /_app/immutable.
	const text = `${response.headers.get('link')} ${await response.text()}`;
	const files = new Set([...text.matchAll(/_app\/immutable\/[^"'\s<>;]+?\.js/g)].map((m) => `/${m[0]}`));
	let bytes = 0;
	for (const file of files) bytes += gzipSync(Buffer.from(await (await fetch(base + file)).arrayBuffer())).length;
	return Math.round(bytes / 1024);
}

const memoryBefore = rss();
const trivial = await load('/ping');
const rows = [
	{ name: 'lesson page', ...(await load('/lessons/handling-complaints', trainee)) },
	{ name: 'trainee home', ...(await load('/', trainee)) },
	{ name: 'cohort matrix (200 × 20)', ...(await load(reportPath, trainer)) }
];
const memoryAfter = rss();
const js = {
	lesson: await javascript('/lessons/handling-complaints', trainee),
	report: await javascript(reportPath, trainer)
};
server.kill('SIGTERM');
rmSync(dir, { recursive: true, force: true });

console.log(`\nHTTP on loopback, ${seconds} s per route, 10 connections (trivial route /ping: ${trivial.rps} req/s, p50 ${trivial.p50} ms, p99 ${trivial.p99} ms)`);
console.table(rows.map((r) => ({ route: r.name, 'req/s': r.rps, 'ratio to trivial': +(r.rps / trivial.rps).toFixed(2), 'p50 ms': r.p50, 'p99 ms': r.p99 })));
console.table([
	{ page: 'lesson', 'gzip JS (KB)': js.lesson, budget: 60 },
	{ page: 'report', 'gzip JS (KB)': js.report, budget: '—' }
]);
console.log(`Server memory: ${memoryBefore.toFixed(0)} MB before load, ${memoryAfter.toFixed(0)} MB after.`);
const budgets = [
	{ budget: 'lesson page ≥ 0.5 × trivial route throughput', met: rows[0].rps >= 0.5 * trivial.rps, value: (rows[0].rps / trivial.rps).toFixed(2) },
	{ budget: 'lesson page ≤ 60 KB gzip JavaScript', met: js.lesson <= 60, value: `${js.lesson} KB` }
];
console.table(budgets);
if (budgets.some((b) => !b.met)) process.exitCode = 1;
