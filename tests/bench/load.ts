// Load run (`npm run bench:load`): simulated trainees sign in and play a role-play through the
// built server's own endpoints, as a browser does, with about 10 s between replies; starts are
// spread over a minute. Prints errors and latency per request kind, then audits the database:
// every step a client had acknowledged is stored exactly once, and nothing else is.
//
//   LOAD_USERS (1000)  LOAD_RAMP_MS (60000)  LOAD_THINK_MS (10000, each pause ±20 %)
//   LOAD_TRAINEES (2000) and LOAD_EVENTS (200000): the organisation generated first (tests/bench/generate.ts)
//   LOAD_NODE_ARGS: node options for the server, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof"
//   DATABASE_URL: run on PostgreSQL, in a scratch database created on that server and dropped after;
//   unset: the embedded database in a temporary folder.
//
// Sign-in throttling (src/lib/server/auth/throttle.ts) counts failed sign-ins only, per account
// and per address, and a success clears the account's count; every simulated trainee has its own
// account and the right password, so 1,000 sign-ins from 127.0.0.1 never trip it.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { hashPassword, verifyPassword } from '$lib/server/auth/password';
import { scenarios } from '$lib/server/content';
import { closeDatabase, database, db, rawRows } from '$lib/server/db';
import * as t from '$lib/server/db/schema';
import { generate } from './generate';
import { random, randomPlay } from './play';
import { percentile, recordBudget, rssMb, sampleMemory, scratchDatabase, stopServer } from './report';

const users = Number(process.env.LOAD_USERS ?? 1000);
const rampMs = Number(process.env.LOAD_RAMP_MS ?? 60_000);
const thinkMs = Number(process.env.LOAD_THINK_MS ?? 10_000);
const port = Number(process.env.LOAD_PORT ?? 4320);
const base = `http://127.0.0.1:${port}`;
const password = 'load-trainee-pass';

const dir = mkdtempSync(join(tmpdir(), 'rehearse-load-'));
const scratch = process.env.DATABASE_URL ? await scratchDatabase(process.env.DATABASE_URL, 'rehearse_load') : null;
process.env.DATABASE_URL = scratch?.url ?? '';
process.env.PGLITE_DIR = join(dir, 'db');
const label = scratch ? 'postgres' : 'pglite';

// 1. Data: the organisation, then the load accounts in bulk (one argon2 hash shared by all:
//    hashing 1,000 passwords here would only slow the set-up), spread over its cohorts so each
//    trainee's home page lists assignments.
let started = performance.now();
const org = await generate({ trainees: Number(process.env.LOAD_TRAINEES ?? 2000), events: Number(process.env.LOAD_EVENTS ?? 200_000) });
const hash = await hashPassword(password);
const accounts = [
	...Array.from({ length: users }, (_, i) => ({ email: `load-${i}@rehearse.test`, name: `Load trainee ${i}`, passwordHash: hash, role: 'trainee' as const })),
	{ email: 'warmup@rehearse.test', name: 'Warm-up trainee', passwordHash: hash, role: 'trainee' as const }
];
for (let i = 0; i < accounts.length; i += 1000) await db.insert(t.user).values(accounts.slice(i, i + 1000));
await db.execute(sql`
	insert into cohort_member (cohort_id, user_id)
	select (${`{${org.cohorts.join(',')}}`}::uuid[])[1 + (coalesce(substring(email from 'load-(\\d+)@')::int, 0) % ${org.cohorts.length})], id
	from "user" where email like 'load-%' or email = 'warmup@rehearse.test'`);
// The cost of one sign-in's password check, for the report.
const argon = performance.now();
for (let i = 0; i < 5; i++) await verifyPassword(hash, password);
const argonMs = (performance.now() - argon) / 5;
await closeDatabase();
console.log(`[${label}] data: ${org.trainees} trainees, ${JSON.stringify(org.rows)} and ${users} load accounts in ${((performance.now() - started) / 1000).toFixed(0)} s`);

// 2. The built server.
// LOAD_NODE_ARGS, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof", to profile the server under load.
const server = spawn('node', [...(process.env.LOAD_NODE_ARGS?.split(' ').filter(Boolean) ?? []), 'build'], {
	env: { ...process.env, DEMO_SEED: 'off', PORT: String(port), ORIGIN: base },
	stdio: ['ignore', 'ignore', 'inherit']
});
const cleanUp = () => {
	server.kill('SIGKILL');
	rmSync(dir, { recursive: true, force: true });
};
process.on('exit', cleanUp);
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(130));
for (let i = 0; ; i++) {
	if ((await fetch(`${base}/healthz`).catch(() => null))?.ok) break;
	if (i > 300) throw new Error('server did not start');
	await new Promise((r) => setTimeout(r, 200));
}

// 3. The trainees.
type Kind = 'sign-in page' | 'sign-in (argon2)' | 'home page' | 'role-play page' | 'start attempt' | 'player page' | 'event post' | 'debrief page';
const latencies = new Map<Kind, number[]>();
const errors: { kind: Kind; user: number; problem: string }[] = [];
const played: { user: number; attemptId: string; acknowledged: number; finished: boolean }[] = [];
let inFlight = 0;
let done = 0;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const think = (rand: () => number) => sleep(thinkMs * (0.8 + 0.4 * rand()));

/** One request, timed; `ok` decides whether the answer is what a browser would accept. */
async function request(kind: Kind, user: number, url: string, init: RequestInit, ok: (r: Response) => boolean) {
	const began = performance.now();
	inFlight++;
	try {
		const response = await fetch(base + url, { redirect: 'manual', signal: AbortSignal.timeout(30_000), ...init });
		const body = await response.text();
		(latencies.get(kind) ?? latencies.set(kind, []).get(kind)!).push(performance.now() - began);
		if (!ok(response)) {
			errors.push({ kind, user, problem: `${response.status} ${body.slice(0, 120)}` });
			return null;
		}
		return { response, body };
	} catch (error) {
		errors.push({ kind, user, problem: String(error) });
		return null;
	} finally {
		inFlight--;
	}
}

const form = (fields: Record<string, string>, cookie?: string): RequestInit => ({
	method: 'POST',
	body: new URLSearchParams(fields),
	// A browser's form post: same origin (SvelteKit's CSRF check and ours), HTML wanted.
	headers: { origin: base, accept: 'text/html', ...(cookie ? { cookie } : {}) }
});
const status = (code: number) => (r: Response) => r.status === code;

async function trainee(i: number) {
	const rand = random(1000 + i);
	await sleep((i * rampMs) / users);
	if (!(await request('sign-in page', i, '/sign-in', {}, status(200)))) return;
	const signedIn = await request('sign-in (argon2)', i, '/sign-in', form({ email: `load-${i}@rehearse.test`, password }), status(303));
	const cookie = signedIn?.response.headers.getSetCookie().find((c) => c.startsWith('session='))?.split(';')[0];
	if (!cookie) return;
	const headers = { cookie };
	if (!(await request('home page', i, '/', { headers }, status(200)))) return;

	const built = scenarios[i % scenarios.length];
	const slug = built.scenario.slug;
	await think(rand);
	if (!(await request('role-play page', i, `/simulations/${slug}`, { headers }, status(200)))) return;
	const start = await request('start attempt', i, `/simulations/${slug}?/start`, form({ mode: 'practice', timer: 'x1' }, cookie), status(303));
	const location = start?.response.headers.get('location') ?? '';
	const attemptId = /\/attempts\/([0-9a-f-]{36})$/.exec(location)?.[1];
	if (!attemptId) return;
	const attempt = { user: i, attemptId, acknowledged: 0, finished: false };
	played.push(attempt);
	if (!(await request('player page', i, location, { headers }, status(200)))) return;

	const { events } = randomPlay(built, rand);
	for (const [k, event] of events.entries()) {
		await think(rand);
		const body = JSON.stringify({ seq: k + 1, event });
		const init = { method: 'POST', body, headers: { cookie, origin: base, 'content-type': 'application/json' } };
		// A lost answer is retried with the same step, as the player does; the server answers a
		// resend with the original result, so the step is still stored once.
		let answer = null;
		for (let tries = 0; tries < 3 && !answer; tries++) {
			if (tries) await sleep(1000);
			answer = await request('event post', i, `${location}/events`, init, status(200));
		}
		const result = answer && (JSON.parse(answer.body) as { seq: number; finished: boolean });
		if (!result || result.seq !== k + 1) return;
		attempt.acknowledged = k + 1;
		attempt.finished = result.finished;
	}
	await request('debrief page', i, location, { headers }, status(200));
}

// A server that has been up a while has loaded its content and rendered each page once; a
// warm-up trainee (not a load account, so outside the audit) does one round before measuring.
{
	const warm = (url: string, init: RequestInit = {}) => fetch(base + url, { redirect: 'manual', ...init });
	const signedIn = await warm('/sign-in', form({ email: 'warmup@rehearse.test', password }));
	const cookie = signedIn.headers.getSetCookie().find((c) => c.startsWith('session='))?.split(';')[0];
	if (!cookie) throw new Error(`warm-up sign-in failed: ${signedIn.status}`);
	for (const built of scenarios) {
		const slug = built.scenario.slug;
		await warm('/sign-in');
		await warm('/', { headers: { cookie } });
		await warm(`/simulations/${slug}`, { headers: { cookie } });
		const location = (await warm(`/simulations/${slug}?/start`, form({ mode: 'practice', timer: 'x1' }, cookie))).headers.get('location')!;
		await warm(location, { headers: { cookie } });
		const { events } = randomPlay(built, random(1));
		for (const [k, event] of events.entries())
			await warm(`${location}/events`, { method: 'POST', body: JSON.stringify({ seq: k + 1, event }), headers: { cookie, origin: base, 'content-type': 'application/json' } });
		await warm(location, { headers: { cookie } });
	}
}

console.log(`[${label}] ${users} trainees, starts spread over ${rampMs / 1000} s, ${thinkMs / 1000} s between replies…`);
const memoryIdle = rssMb(server.pid!);
const memory = sampleMemory(server.pid!);
started = performance.now();
const progress = setInterval(() => {
	const requests = [...latencies.values()].reduce((n, l) => n + l.length, 0);
	console.log(`  ${((performance.now() - started) / 1000).toFixed(0)} s: ${done}/${users} done, ${requests} requests, ${inFlight} in flight, ${errors.length} errors, server ${rssMb(server.pid!).toFixed(0)} MB`);
}, 10_000);
await Promise.all(Array.from({ length: users }, (_, i) => trainee(i).finally(() => done++)));
clearInterval(progress);
memory.stop();
const elapsed = (performance.now() - started) / 1000;
await stopServer(server);

// 4. Audit: for every attempt a client started, the stored events are exactly the steps it had
//    acknowledged (a count per attempt, sequence numbers 1..n, each once), the attempt's own step
//    count agrees, and the load accounts have no attempts the clients did not start.
const ids = played.map((p) => p.attemptId);
const stored = await rawRows<{ id: string; steps: number; finished: boolean; events: number; seqs: number; last: number }>(sql`
	select a.id, a.steps, a.finished_at is not null as finished, count(e.seq)::int as events, count(distinct e.seq)::int as seqs, coalesce(max(e.seq), 0)::int as last
	from simulation_attempt a left join simulation_event e on e.attempt_id = a.id
	where a.id = any(${`{${ids.join(',')}}`}::uuid[])
	group by a.id`);
// Attempts a client never heard of (its start timed out, say) must hold no events.
const [{ attempts: loadAttempts, unknownEvents }] = await rawRows<{ attempts: number; unknownEvents: number }>(sql`
	select count(*)::int as attempts,
		(select count(*)::int from simulation_event e join simulation_attempt x on x.id = e.attempt_id join "user" v on v.id = x.user_id
			where v.email like 'load-%' and not (x.id = any(${`{${ids.join(',')}}`}::uuid[]))) as "unknownEvents"
	from simulation_attempt a join "user" u on u.id = a.user_id where u.email like 'load-%'`);
const kind = database().kind;
await closeDatabase();
await scratch?.drop();
const byId = new Map(stored.map((s) => [s.id, s]));
const mismatches = played.flatMap((p) => {
	const s = byId.get(p.attemptId);
	if (!s) return [`${p.attemptId}: not stored`];
	const problems = [];
	if (s.events !== p.acknowledged) problems.push(`${s.events} events stored, ${p.acknowledged} acknowledged`);
	if (s.seqs !== s.events || s.last !== s.events) problems.push(`sequence numbers not 1..${s.events}`);
	if (s.steps !== s.events) problems.push(`attempt says ${s.steps} steps`);
	if (s.finished !== p.finished) problems.push(`finished ${s.finished}, client saw ${p.finished}`);
	return problems.map((problem) => `${p.attemptId}: ${problem}`);
});

// 5. Report.
const all = [...latencies.values()].flat();
const ms = (l: number[], p: number) => +percentile(l, p).toFixed(1);
console.log(`\n[${label}] load run: ${users} trainees in ${elapsed.toFixed(0)} s, ${all.length} requests (${(all.length / elapsed).toFixed(1)} req/s on average)`);
console.table(
	[...latencies].map(([k, l]) => ({
		request: k,
		count: l.length,
		errors: errors.filter((e) => e.kind === k).length,
		'p50 ms': ms(l, 50),
		'p95 ms': ms(l, 95),
		'p99 ms': ms(l, 99),
		'max ms': ms(l, 100)
	}))
);
const withoutSignIn = [...latencies].filter(([k]) => k !== 'sign-in (argon2)').flatMap(([, l]) => l);
console.log(`All requests: p50 ${ms(all, 50)} ms, p95 ${ms(all, 95)} ms, p99 ${ms(all, 99)} ms; without sign-in: p95 ${ms(withoutSignIn, 95)} ms`);
console.log(
	`Sign-in cost: one argon2id check takes ${argonMs.toFixed(0)} ms of CPU here; ${users} sign-ins over ${rampMs / 1000} s ≈ ${((users * argonMs) / rampMs).toFixed(2)} core-seconds per second.`
);
console.log(`Server memory (VmRSS): ${memoryIdle.toFixed(0)} MB before the run, peak ${memory.peak().toFixed(0)} MB.`);
for (const e of errors.slice(0, 10)) console.log(`  error: ${e.kind}, trainee ${e.user}: ${e.problem}`);
console.log(
	`Audit (${kind}): ${played.length} attempts started, ${played.filter((p) => p.finished).length} finished, ` +
		`${played.reduce((n, p) => n + p.acknowledged, 0)} steps acknowledged, ${stored.reduce((n, s) => n + s.events, 0)} stored; ` +
		`${loadAttempts} attempts in the load accounts (${loadAttempts - played.length} started without the client hearing back, holding ${unknownEvents} events); ${mismatches.length} mismatches`
);
for (const m of mismatches.slice(0, 10)) console.log(`  mismatch: ${m}`);

recordBudget(`[${label}] load: 0 errors`, errors.length === 0, `${errors.length} errors in ${all.length} requests`);
recordBudget(`[${label}] load: p95 latency < 100 ms (all requests)`, ms(all, 95) < 100, `${ms(all, 95)} ms`);
recordBudget(
	`[${label}] load: every acknowledged event stored exactly once`,
	mismatches.length === 0 && unknownEvents === 0,
	`${played.reduce((n, p) => n + p.acknowledged, 0)} acknowledged events in ${played.length} attempts checked: ${mismatches.length} mismatches, ${unknownEvents} events in attempts no client knew of`
);
