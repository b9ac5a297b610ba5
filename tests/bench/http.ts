// The built server (`node build`) on loopback under autocannon: throughput and p50/p99 latency of
// a lesson page, a trainee's home page, a role-play event post and the trainer's cohort matrix,
// each next to the trivial /ping route of the same server (the ceiling); the JavaScript each page
// type ships (gzip bytes); the server's resident memory under load. Runs on the embedded database,
// or on PostgreSQL when DATABASE_URL is set (give it a scratch database: the data is generated).
import autocannon from 'autocannon';
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { javascript } from './javascript';
import type { RoleplayEvent } from '$lib/roleplay/machine';
import { scenarioBySlug } from '$lib/server/content';
import { benchPlayer, benchTrainee, benchTrainer } from './generate';
import { random, randomPlay } from './play';
import { recordBudget, rssMb, sampleMemory, settle, stopServer } from './report';

const port = Number(process.env.BENCH_PORT ?? 4310);
const base = `http://127.0.0.1:${port}`;
const seconds = Number(process.env.BENCH_SECONDS ?? 8);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);
const postgresUrl = process.env.DATABASE_URL || '';
const label = postgresUrl ? 'postgres' : 'pglite';
const dir = mkdtempSync(join(tmpdir(), 'rehearse-bench-'));
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
const env = { ...process.env, PGLITE_DIR: join(dir, 'db'), DATABASE_URL: postgresUrl, DEMO_SEED: 'off', PORT: String(port), ORIGIN: base };

// Fresh attempts for the event post: every request of the run records a new step, so enough
// attempts must exist for `seconds` at a few thousand events per second.
console.log(`[${label}] generating 2,000 trainees, 200,000 role-play events and open attempts…`);
execFileSync('npx', ['tsx', 'tests/bench/generate.ts'], {
	env: { ...env, BENCH_OPEN: String(Math.max(3000, seconds * 400)), BENCH_OUT: join(dir, 'generated.json') },
	stdio: 'inherit'
});
const generated = JSON.parse(readFileSync(join(dir, 'generated.json'), 'utf8')) as { open: { id: string; scenario: string }[] };

// BENCH_NODE_ARGS, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof", to profile the server.
const server = spawn('node', [...(process.env.BENCH_NODE_ARGS?.split(' ').filter(Boolean) ?? []), 'build'], { env, stdio: ['ignore', 'ignore', 'inherit'] });
// Whatever happens below, the server does not outlive this script.
process.on('exit', () => server.kill('SIGKILL'));
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(130));
for (let i = 0; ; i++) {
	if ((await fetch(`${base}/healthz`).catch(() => null))?.ok) break;
	if (i > 300) throw new Error('server did not start');
	await new Promise((r) => setTimeout(r, 200));
}

/** Signs in through the form action, as a browser does (same-origin POST). */
async function signIn(account: { email: string; password: string }) {
	const response = await fetch(`${base}/sign-in`, {
		method: 'POST',
		body: new URLSearchParams(account),
		redirect: 'manual',
		// A browser's form post: same origin, and HTML wanted (else SvelteKit answers JSON).
		headers: { origin: base, accept: 'text/html' }
	});
	const cookie = response.headers.get('set-cookie')?.split(';')[0];
	if (response.status !== 303 || !cookie) throw new Error(`sign-in failed for ${account.email}: ${response.status}`);
	return cookie;
}
const trainee = await signIn(benchTrainee);
const trainer = await signIn(benchTrainer);
const player = await signIn(benchPlayer);
const reportPath = /href="(\/trainer\/cohorts\/[0-9a-f-]+)"/.exec(await (await fetch(`${base}/trainer`, { headers: { cookie: trainer } })).text())![1] + '/report';
// One open attempt is kept out of the event run, for the player page's JavaScript.
const [shown, ...playable] = generated.open;
const playerPath = `/simulations/${shown.scenario}/attempts/${shown.id}`;
const lessonPath = '/lessons/handling-complaints';

type Row = { route: string; rps: number; p50: number; p99: number; note?: string };
async function load(route: string, path: string, cookie?: string): Promise<Row> {
	await settle(server.pid!);
	const result = await autocannon({ url: base + path, connections, duration: seconds, headers: cookie ? { cookie } : {} });
	if (result.non2xx || result.errors || result.timeouts) throw new Error(`${path}: ${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts`);
	return { route, rps: Math.round(result.requests.average), p50: result.latency.p50, p99: result.latency.p99 };
}

/**
 * The event post, measured on its real write path: each connection plays open attempts one step
 * at a time, so every request is the legal next step of an attempt (row lock, replay of the stored
 * events, insert, update, in one transaction). The server's answer must say the step was new.
 */
async function eventPosts(): Promise<Row & { acknowledged: number; wrong: number }> {
	const rand = random(7);
	type Attempt = { id: string; scenario: string; events: RoleplayEvent[]; next: number };
	const idle: Attempt[] = playable.map(({ id, scenario }) => ({ id, scenario, events: randomPlay(scenarioBySlug.get(scenario)!, rand).events, next: 0 }));
	idle.reverse(); // pop() then takes them in the generated order
	let acknowledged = 0;
	let wrong = 0;
	await settle(server.pid!);
	const result = await autocannon({
		url: base,
		connections,
		duration: seconds,
		headers: { cookie: player, 'content-type': 'application/json', origin: base },
		requests: [
			{
				method: 'POST',
				setupRequest: (request, context) => {
					const attempt = idle.pop();
					if (!attempt) throw new Error(`out of open attempts after ${acknowledged} events: raise BENCH_OPEN`);
					(context as { attempt?: Attempt }).attempt = attempt;
					return {
						...request,
						path: `/simulations/${attempt.scenario}/attempts/${attempt.id}/events`,
						body: JSON.stringify({ seq: attempt.next + 1, event: attempt.events[attempt.next] })
					};
				},
				onResponse: (status, body, context) => {
					const attempt = (context as { attempt: Attempt }).attempt;
					const answer = status === 200 ? (JSON.parse(body) as { seq: number; repeated: boolean }) : null;
					if (answer && answer.seq === attempt.next + 1 && !answer.repeated) {
						acknowledged++;
						attempt.next++;
					} else wrong++;
					if (attempt.next < attempt.events.length) idle.push(attempt);
				}
			}
		]
	});
	if (result.errors || result.timeouts) throw new Error(`event post: ${result.errors} errors, ${result.timeouts} timeouts`);
	return { route: 'role-play event post (new step)', rps: Math.round(result.requests.average), p50: result.latency.p50, p99: result.latency.p99, acknowledged, wrong };
}

/** Switches an account's interface language, as the language menu does. */
const chooseLocale = (cookie: string, locale: string) =>
	fetch(`${base}/locale`, { method: 'POST', body: new URLSearchParams({ locale, next: '/' }), redirect: 'manual', headers: { cookie, origin: base, accept: 'text/html' } });
// The lesson page in each language (the catalogues differ in size), then back to English.
const lessonJs: Record<string, Awaited<ReturnType<typeof javascript>>> = {};
for (const locale of ['zh-CN', 'ko', 'en']) {
	await chooseLocale(trainee, locale);
	lessonJs[locale] = await javascript(base, lessonPath, trainee);
}
const js = {
	lesson: lessonJs.en,
	'lesson (zh-CN)': lessonJs['zh-CN'],
	'lesson (ko)': lessonJs.ko,
	player: await javascript(base, playerPath, player),
	report: await javascript(base, reportPath, trainer)
};
const heaviestLesson = Object.entries(lessonJs).sort(([, a], [, b]) => b.total - a.total)[0];

// Warm up each route once (first render compiles templates, fills caches), then measure.
for (const [path, cookie] of [['/ping'], [lessonPath, trainee], ['/', trainee], [reportPath, trainer]] as const)
	await fetch(base + path, { headers: cookie ? { cookie } : {} });
const memoryIdle = rssMb(server.pid!);
const memory = sampleMemory(server.pid!);
const trivial = await load('/ping (trivial)', '/ping');
const rows: Row[] = [
	trivial,
	await load('lesson page', lessonPath, trainee),
	await load('trainee home page', '/', trainee),
	await eventPosts(),
	await load('cohort matrix page (200 × 20)', reportPath, trainer)
];
await settle(server.pid!);
memory.stop();
const events = rows[3] as Awaited<ReturnType<typeof eventPosts>>;
const memoryAfter = rssMb(server.pid!);
await stopServer(server);

// The event post's writes, checked in the database: every acknowledged step is stored once.
// Requests cut off when the run ended may have been stored without an answer reaching us.
process.env.PGLITE_DIR = env.PGLITE_DIR;
const { closeDatabase, rawRows } = await import('$lib/server/db');
const { sql } = await import('drizzle-orm');
const ids = playable.map((a) => a.id);
const [stored] = await rawRows<{ events: number }>(sql`select count(*)::int as events from simulation_event where attempt_id = any(${`{${ids.join(',')}}`}::uuid[])`);
await closeDatabase();

console.log(`\n[${label}] HTTP on loopback: ${seconds} s per route, ${connections} connections; each route warmed up once and run with the server idle`);
console.table(
	rows.map((r) => ({ route: r.route, 'req/s': r.rps, 'ratio to /ping': +(r.rps / trivial.rps).toFixed(2), 'p50 ms': r.p50, 'p99 ms': r.p99 }))
);
console.log(
	`Event post: ${events.acknowledged} steps acknowledged as new, ${events.wrong} refused or repeated; ${stored.events} stored ` +
		`(${stored.events - events.acknowledged} more were in flight when the run stopped, at most ${connections}).`
);
const kb = (bytes: number) => +(bytes / 1000).toFixed(1);
console.log('\nJavaScript per page type, gzip (1 KB = 1,000 bytes); the whole HTML document for comparison:');
console.table(
	Object.entries(js).map(([page, j]) => ({
		page,
		'module files': j.files,
		'modules KB': kb(j.modules),
		'inline script KB': kb(j.inline),
		'total KB': kb(j.total),
		'(HTML KB, gzip KB)': `${kb(j.html)}, ${kb(j.htmlGzip)}`
	}))
);
console.log(`Server memory (VmRSS): ${memoryIdle.toFixed(0)} MB idle after warm-up, peak ${memory.peak().toFixed(0)} MB under load, ${memoryAfter.toFixed(0)} MB after.`);
console.log('');

const lesson = rows[1];
recordBudget(`[${label}] lesson page ≥ 0.5 × /ping throughput`, lesson.rps >= 0.5 * trivial.rps, `${(lesson.rps / trivial.rps).toFixed(2)} (${lesson.rps} vs ${trivial.rps} req/s)`);
recordBudget(
	`[${label}] lesson page ≤ 60 KB gzip JavaScript, in every language`,
	heaviestLesson[1].total <= 60_000,
	`${kb(heaviestLesson[1].total)} KB in ${heaviestLesson[0]} (${kb(heaviestLesson[1].modules)} modules + ${kb(heaviestLesson[1].inline)} inline); en ${kb(lessonJs.en.total)} KB`
);
recordBudget(`[${label}] player page ≤ 120 KB gzip JavaScript`, js.player.total <= 120_000, `${kb(js.player.total)} KB (${kb(js.player.modules)} modules + ${kb(js.player.inline)} inline)`);
recordBudget(`[${label}] role-play event post p99 < 25 ms`, events.p99 < 25, `${events.p99} ms (p50 ${events.p50} ms, ${events.rps} req/s)`);
recordBudget(
	`[${label}] event post: every acknowledged step stored, none refused`,
	events.wrong === 0 && stored.events >= events.acknowledged && stored.events <= events.acknowledged + connections,
	`${events.acknowledged} acknowledged, ${stored.events} stored, ${events.wrong} refused`
);
