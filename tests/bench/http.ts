// The built server (`node build`) on loopback under autocannon: throughput and p50/p99 latency of
// a lesson page, a trainee's home page, a role-play event post and the trainer's cohort matrix,
// each next to the trivial /ping route of the same server (the ceiling); the JavaScript each page
// type ships (gzip bytes); the server's resident memory under load. Runs on the embedded database,
// or on PostgreSQL when DATABASE_URL is set (give it a scratch database: the data is generated).
import autocannon from 'autocannon';
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { javascript } from './javascript';
import type { RoleplayEvent } from '$lib/roleplay/machine';
import { scenarioBySlug } from '$lib/server/content';
import { benchPlayer, benchTrainee, benchTrainer } from './generate';
import { random, randomPlay } from './play';
import { percentile, recordBudget, rssMb, sampleMemory, settle, stopServer } from './report';

const port = Number(process.env.BENCH_PORT ?? 4310);
const base = `http://127.0.0.1:${port}`;
const seconds = Number(process.env.BENCH_SECONDS ?? 8);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);
// The load run's pace: 1,000 trainees, one reply every 10 s or so.
const eventRate = Number(process.env.BENCH_EVENT_RATE ?? 100);
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
	await settle();
	const result = await autocannon({ url: base + path, connections, duration: seconds, headers: cookie ? { cookie } : {} });
	if (result.non2xx || result.errors || result.timeouts) throw new Error(`${path}: ${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts`);
	return { route, rps: Math.round(result.requests.average), p50: result.latency.p50, p99: result.latency.p99 };
}

// The open attempts, each with a random play; both event runs take from here, so every request
// of the second run is still a new step. pop() takes them in the generated order.
type Attempt = { id: string; scenario: string; events: RoleplayEvent[]; next: number };
const rand = random(7);
const idle: Attempt[] = playable.map(({ id, scenario }) => ({ id, scenario, events: randomPlay(scenarioBySlug.get(scenario)!, rand).events, next: 0 })).reverse();

/** Takes the next step of an open attempt: its path and body, and what to do with the answer. */
function nextStep() {
	const attempt = idle.pop();
	if (!attempt) throw new Error('out of open attempts: raise BENCH_OPEN');
	return {
		path: `/simulations/${attempt.scenario}/attempts/${attempt.id}/events`,
		body: JSON.stringify({ seq: attempt.next + 1, event: attempt.events[attempt.next] }),
		/** True when the server stored the step as new. */
		answered(status: number, body: string) {
			const answer = status === 200 ? (JSON.parse(body) as { seq: number; repeated: boolean }) : null;
			const ok = answer?.seq === attempt.next + 1 && !answer.repeated;
			if (ok) attempt.next++;
			if (attempt.next < attempt.events.length) idle.push(attempt);
			return ok;
		}
	};
}
const eventHeaders = { cookie: player, 'content-type': 'application/json', origin: base };

/**
 * The event post, measured on its real write path: every request is the legal next step of an
 * open attempt (read of the attempt and its events, replay, one writing statement), and the
 * server's answer must say the step was new. Flat out: its throughput over `connections`, where
 * latency is mostly queueing (10 connections over ~300 answers a second wait ~30 ms each,
 * whatever one request costs).
 */
async function eventPosts(): Promise<Row & { acknowledged: number; wrong: number }> {
	let acknowledged = 0;
	let wrong = 0;
	await settle();
	const result = await autocannon({
		url: base,
		connections,
		duration: seconds,
		headers: eventHeaders,
		requests: [
			{
				method: 'POST',
				setupRequest: (request, context) => {
					const step = nextStep();
					(context as { step?: typeof step }).step = step;
					return { ...request, path: step.path, body: step.body };
				},
				onResponse: (status, body, context) => ((context as { step: ReturnType<typeof nextStep> }).step.answered(status, body) ? acknowledged++ : wrong++)
			}
		]
	});
	if (result.errors || result.timeouts) throw new Error(`event post: ${result.errors} errors, ${result.timeouts} timeouts`);
	return { route: 'role-play event post (new step), flat out', rps: Math.round(result.requests.average), p50: result.latency.p50, p99: result.latency.p99, acknowledged, wrong };
}

// The steady run's sender shares the machine's two cores with the server and the database: plain
// node:http over kept-alive connections costs it about a third of the CPU fetch (undici) does.
const agent = new Agent({ keepAlive: true });
function post(path: string, body: string, headers: Record<string, string>) {
	return new Promise<{ status: number; body: string; serverTiming: string }>((resolve, reject) => {
		const sending = request(base + path, { method: 'POST', agent, headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) } }, (response) => {
			let text = '';
			response.setEncoding('utf8');
			response.on('data', (chunk: string) => (text += chunk));
			response.on('end', () => resolve({ status: response.statusCode!, body: text, serverTiming: String(response.headers['server-timing'] ?? '') }));
		});
		sending.on('error', reject);
		sending.end(body);
	});
}

/**
 * The event post at a steady `rate` a second, evenly spaced, each sent when its time comes
 * whether or not earlier ones were answered (as independent trainees do): the latency a trainee
 * meets at that load. (autocannon's own rate limit sends each second's requests in bursts.)
 */
async function pacedEventPosts(rate: number): Promise<Row & { acknowledged: number; wrong: number; appP99: number }> {
	let acknowledged = 0;
	let wrong = 0;
	const latencies: number[] = [];
	const inApp: number[] = []; // the app's own time (Server-Timing), without queueing or the network
	await settle();
	const start = performance.now();
	const sent: Promise<void>[] = [];
	for (let i = 0; i < rate * seconds; i++) {
		const due = start + (i * 1000) / rate;
		if (due > performance.now()) await new Promise((r) => setTimeout(r, due - performance.now()));
		const step = nextStep();
		const began = performance.now();
		sent.push(
			post(step.path, step.body, eventHeaders).then((response) => {
				latencies.push(performance.now() - began);
				inApp.push(Number(/dur=([\d.]+)/.exec(response.serverTiming)?.[1] ?? NaN));
				if (step.answered(response.status, response.body)) acknowledged++;
				else wrong++;
			})
		);
	}
	await Promise.all(sent);
	const ms = (p: number) => +percentile(latencies, p).toFixed(1);
	return {
		route: `role-play event post (new step), ${rate}/s steady`,
		rps: Math.round(latencies.length / ((performance.now() - start) / 1000)),
		p50: ms(50),
		p99: ms(99),
		appP99: +percentile(inApp, 99).toFixed(1),
		acknowledged,
		wrong
	};
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
	// The same route for a signed-in reader: what looking up the session costs every page.
	await load('/ping (trivial), signed in', '/ping', trainee),
	await load('lesson page', lessonPath, trainee),
	await load('trainee home page', '/', trainee),
	await eventPosts(),
	await pacedEventPosts(eventRate),
	await load('cohort matrix page (200 × 20, first 50 rows)', reportPath, trainer)
];
await settle();
memory.stop();
const [flatOut, atRate] = rows.slice(4, 6) as [Awaited<ReturnType<typeof eventPosts>>, Awaited<ReturnType<typeof pacedEventPosts>>];
const memoryAfter = rssMb(server.pid!);
agent.destroy();
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
const acknowledged = flatOut.acknowledged + atRate.acknowledged;
console.log(
	`Event posts: ${acknowledged} steps acknowledged as new, ${flatOut.wrong + atRate.wrong} refused or repeated; ${stored.events} stored ` +
		`(${stored.events - acknowledged} more were in flight when a run stopped, at most ${2 * connections}).`
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

const [signedIn, lesson] = rows.slice(1, 3);
recordBudget(
	`[${label}] lesson page ≥ 0.5 × /ping throughput`,
	lesson.rps >= 0.5 * trivial.rps,
	`${(lesson.rps / trivial.rps).toFixed(2)} (${lesson.rps} vs ${trivial.rps} req/s); ${(lesson.rps / signedIn.rps).toFixed(2)} of /ping signed in (${signedIn.rps} req/s)`
);
recordBudget(
	`[${label}] lesson page ≤ 60 KB gzip JavaScript, in every language`,
	heaviestLesson[1].total <= 60_000,
	`${kb(heaviestLesson[1].total)} KB in ${heaviestLesson[0]} (${kb(heaviestLesson[1].modules)} modules + ${kb(heaviestLesson[1].inline)} inline); en ${kb(lessonJs.en.total)} KB`
);
recordBudget(`[${label}] player page ≤ 120 KB gzip JavaScript`, js.player.total <= 120_000, `${kb(js.player.total)} KB (${kb(js.player.modules)} modules + ${kb(js.player.inline)} inline)`);
recordBudget(
	`[${label}] role-play event post p99 < 25 ms at ${eventRate} events/s`,
	atRate.p99 < 25,
	`${atRate.p99} ms (p50 ${atRate.p50} ms; in the app, p99 ${atRate.appP99} ms); flat out ${flatOut.rps} req/s, p50 ${flatOut.p50} ms, p99 ${flatOut.p99} ms over ${connections} connections`
);
recordBudget(
	`[${label}] event post: every acknowledged step stored, none refused`,
	flatOut.wrong + atRate.wrong === 0 && stored.events >= acknowledged && stored.events <= acknowledged + 2 * connections,
	`${acknowledged} acknowledged, ${stored.events} stored, ${flatOut.wrong + atRate.wrong} refused`
);
