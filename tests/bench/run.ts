// `npm run bench` (after `vite build`): the cohort-matrix timing in process and the HTTP
// benchmarks against the built server, on the embedded database and, when DATABASE_URL is set,
// on a scratch database of that PostgreSQL server; then every budget, PASS or FAIL, together.
// The load run is separate: `npm run bench:load`.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readBudgets, scratchDatabase } from './report';

const dir = mkdtempSync(join(tmpdir(), 'rehearse-bench-results-'));
const results = join(dir, 'budgets.jsonl');
const failures: string[] = [];

function tsx(file: string, env: Record<string, string>) {
	const run = spawnSync('npx', ['tsx', file], { env: { ...process.env, BENCH_RESULTS: results, ...env }, stdio: 'inherit' });
	// A budget missed exits 1 and is listed below; anything else is the script failing.
	if (run.status !== 0 && run.status !== 1) failures.push(`${file} (${JSON.stringify(env)}) exited with ${run.status ?? run.signal}`);
}

async function onPostgres(file: string) {
	if (!process.env.DATABASE_URL) return;
	const scratch = await scratchDatabase(process.env.DATABASE_URL, 'rehearse_bench');
	try {
		tsx(file, { DATABASE_URL: scratch.url });
	} finally {
		await scratch.drop();
	}
}

console.log('Cohort matrix, 200 trainees × 20 assignments, 200,000 role-play events, in process (target p95 < 200 ms):');
tsx('tests/bench/matrix.ts', { DATABASE_URL: '', PGLITE_DIR: 'memory://', DEMO_SEED: 'off' });
await onPostgres('tests/bench/matrix.ts');
tsx('tests/bench/http.ts', { DATABASE_URL: '' });
await onPostgres('tests/bench/http.ts');

const budgets = readBudgets(results);
rmSync(dir, { recursive: true, force: true });
console.log('\nBudgets:');
for (const b of budgets) console.log(`${b.pass ? 'PASS' : 'FAIL'}  ${b.budget}: ${b.value}`);
for (const f of failures) console.log(`ERROR ${f}`);
console.log(`${budgets.filter((b) => b.pass).length} passed, ${budgets.filter((b) => !b.pass).length} failed${failures.length ? `, ${failures.length} scripts failed` : ''}.`);
if (failures.length || budgets.some((b) => !b.pass)) process.exitCode = 1;
