// Times the cohort matrix (200 trainees × 20 assignments, with 200,000 role-play events in the
// database) in process against the configured database: DATABASE_URL, else the embedded one.
// Also counts the statements one matrix runs (a fixed number, never one per trainee or cell)
// and prints how each is executed (EXPLAIN ANALYZE: which index or scan).
import type { PGlite } from '@electric-sql/pglite';
import postgres from 'postgres';
import { closeDatabase, database, db, onQuery } from '$lib/server/db';
import { cohortMatrix, skillHeatmap } from '$lib/server/reports';
import { generate } from './generate';
import { percentile, recordBudget } from './report';

const runs = Number(process.env.RUNS ?? 40);
const kind = database().kind;
let started = performance.now();
const data = await generate({ events: Number(process.env.BENCH_EVENTS ?? 200_000) });
console.log(`[${kind}] generated ${data.trainees} trainees, ${JSON.stringify(data.rows)} in ${((performance.now() - started) / 1000).toFixed(1)} s`);

// Which statements one matrix and one heat map run.
const statements: { query: string; params: unknown[] }[] = [];
onQuery((query, params) => statements.push({ query, params }));
await cohortMatrix(data.cohorts[0]);
const matrixQueries = statements.length;
await skillHeatmap(data.cohorts[0]);
onQuery();

await cohortMatrix(data.cohorts[1]); // warm up
// Wall time per run, and this process's CPU time per run: on a busy machine the wall time
// includes waiting for a core, the CPU time does not (with PGlite it includes the database's work).
const time = async (f: (cohort: string) => Promise<unknown>) => {
	const times: number[] = [];
	const cpuStart = process.cpuUsage();
	for (let i = 0; i < runs; i++) {
		started = performance.now();
		await f(data.cohorts[i % data.cohorts.length]);
		times.push(performance.now() - started);
	}
	const used = process.cpuUsage(cpuStart);
	return Object.assign(times, { cpuMs: (used.user + used.system) / 1000 / runs });
};
const matrix = await time(async (cohort) => {
	const m = await cohortMatrix(cohort);
	if (m.rows.length !== 200 || m.assignments.length !== 20) throw new Error('unexpected matrix size');
});
const page = await time((cohort) => Promise.all([cohortMatrix(cohort), skillHeatmap(cohort)]));

const ms = (times: number[], p: number) => +percentile(times, p).toFixed(1);
console.table([
	{ measure: 'cohort matrix', 'p50 ms': ms(matrix, 50), 'p95 ms': ms(matrix, 95), 'max ms': ms(matrix, 100), 'CPU ms/run': +matrix.cpuMs.toFixed(1), statements: matrixQueries },
	{ measure: 'matrix + skill heat map (report page)', 'p50 ms': ms(page, 50), 'p95 ms': ms(page, 95), 'max ms': ms(page, 100), 'CPU ms/run': +page.cpuMs.toFixed(1), statements: statements.length }
]);
recordBudget(`[${kind}] cohort matrix 200 × 20 p95 < 200 ms`, ms(matrix, 95) < 200, `${ms(matrix, 95)} ms over ${runs} runs`);

// EXPLAIN ANALYZE each statement with the parameters it was sent with and show its scan nodes.
// Where the planner scans a large table sequentially (it does when a query reads a good share of
// a small table), explain it again with sequential scans off: that shows an index serves it.
// One connection of its own (PostgreSQL) or the embedded database's only one, so `set` holds.
const client = kind === 'postgres' ? postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} }) : null;
const embedded = (db as unknown as { $client: PGlite }).$client;
const query = async (text: string, params: unknown[] = []) =>
	(client ? await client.unsafe(text, params as never[]) : (await embedded.query(text, params)).rows) as Record<string, unknown>[];
const sizes = new Map(
	(await query(`select relname, reltuples::int as rows from pg_class where relkind = 'r' and relnamespace = 'public'::regnamespace`)).map((r) => [
		r.relname as string,
		r.rows as number
	])
);
const large = (table: string) => (sizes.get(table) ?? 0) > 10_000;
const explain = async (text: string, params: unknown[], seqscan: boolean) => {
	await query(`set enable_seqscan = ${seqscan ? 'on' : 'off'}`);
	const plan = (await query(`explain (analyze, costs off, timing off, summary on) ${text}`, params)).map((r) => r['QUERY PLAN'] as string);
	await query('reset enable_seqscan');
	const scans = plan.filter((l) => /Scan/.test(l)).map((l) => l.trim().replace(/^->\s*/, ''));
	const seqScans = scans.map((l) => /^Seq Scan on "?(\w+)"?/.exec(l)?.[1]).filter((t): t is string => t !== undefined && large(t));
	return { scans, seqScans, time: plan.find((l) => l.startsWith('Execution Time'))?.replace('Execution Time: ', '') ?? '?' };
};
const unindexed: string[] = [];
console.log(
	`\nHow the report page's ${statements.length} statements run [${kind}] (EXPLAIN ANALYZE; tables over 10,000 rows: ${[...sizes]
		.filter(([t]) => large(t))
		.map(([t, n]) => `${t} ${n}`)
		.join(', ')}):`
);
for (const [i, { query: text, params }] of statements.entries()) {
	const from = [...new Set([...text.matchAll(/(?:from|join) "(\w+)"/g)].map((m) => m[1]))].join(' + ') || '?';
	const chosen = await explain(text, params, true);
	console.log(`${String(i + 1).padStart(2)}. ${from} (${params.length} parameters): ${chosen.time}`);
	for (const line of chosen.scans) console.log(`      ${line}`);
	if (chosen.seqScans.length) {
		const forced = await explain(text, params, false);
		console.log(`    with sequential scans off: ${forced.time}`);
		for (const line of forced.scans) console.log(`      ${line}`);
		if (forced.seqScans.length) unindexed.push(`${from}: ${forced.seqScans.join(', ')}`);
	}
}
await client?.end();
recordBudget(`[${kind}] every report statement has an index path on tables over 10,000 rows`, unindexed.length === 0, unindexed.join('; ') || `${statements.length} statements checked`);
await closeDatabase();
