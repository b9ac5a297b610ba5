// Times the cohort matrix (200 trainees × 20 assignments) against the configured database.
import { closeDatabase, database } from '$lib/server/db';
import { cohortMatrix } from '$lib/server/reports';
import { generate } from './generate';

const runs = Number(process.env.RUNS ?? 40);
const data = await generate();
const cohort = data.cohorts[0];
await cohortMatrix(cohort); // warm up
const times: number[] = [];
for (let i = 0; i < runs; i++) {
	const started = performance.now();
	const matrix = await cohortMatrix(data.cohorts[i % data.cohorts.length]);
	times.push(performance.now() - started);
	if (matrix.rows.length !== 200 || matrix.assignments.length !== 20) throw new Error('unexpected matrix size');
}
times.sort((a, b) => a - b);
const pct = (p: number) => times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))];
console.log(
	JSON.stringify({ database: database().kind, trainees: data.trainees, runs, p50: +pct(50).toFixed(1), p95: +pct(95).toFixed(1), max: +times.at(-1)!.toFixed(1) })
);
await closeDatabase();
