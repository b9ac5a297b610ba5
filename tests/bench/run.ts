// `npm run bench`: the cohort-matrix timing on each database, then the HTTP benchmarks.
import { execFileSync } from 'node:child_process';

const tsx = (file: string, env: Record<string, string>) =>
	execFileSync('npx', ['tsx', file], { env: { ...process.env, ...env }, stdio: 'inherit' });

console.log('Cohort matrix, 200 trainees × 20 assignments, in process (target p95 < 200 ms):');
tsx('tests/bench/matrix.ts', { DATABASE_URL: '', PGLITE_DIR: 'memory://', DEMO_SEED: 'off' });
if (process.env.DATABASE_URL) tsx('tests/bench/matrix.ts', { DATABASE_URL: process.env.DATABASE_URL });
tsx('tests/bench/http.ts', {});
