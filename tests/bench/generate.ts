// Generates a large training organisation in the configured database (DATABASE_URL, else the
// embedded one at PGLITE_DIR): trainees in cohorts of 200, 20 assignments per cohort (16 lessons,
// 4 role-plays), lesson progress, knowledge-check attempts and about 200,000 role-play events
// over finished and abandoned attempts, each a legal play-through scored as the server would.
// Usage: tsx tests/bench/generate.ts [trainees]
//   BENCH_EVENTS      role-play events to create (default 200000)
//   BENCH_OPEN        fresh, unplayed attempts to create for `benchPlayer` (for the event-post benchmark)
//   BENCH_OUT         file to write { open: [{ id, scenario }] } to
import { writeFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { hashPassword } from '$lib/server/auth/password';
import { lessons, scenarios } from '$lib/server/content';
import { database, db } from '$lib/server/db';
import * as t from '$lib/server/db/schema';
import { random, randomPlay } from './play';

export const benchTrainer = { email: 'bench-trainer@rehearse.test', password: 'bench-trainer-pass' };
export const benchTrainee = { email: 'bench-0@rehearse.test', password: 'bench-trainee-pass' };
/** The trainee whose open attempts the event-post benchmark plays (not the one whose home page is timed). */
export const benchPlayer = { email: 'bench-1@rehearse.test', password: benchTrainee.password };

const DAY = 86_400_000;

async function insertMany<T extends Record<string, unknown>>(table: Parameters<typeof db.insert>[0], rows: T[], size = 1000) {
	for (let i = 0; i < rows.length; i += size) await db.insert(table).values(rows.slice(i, i + size) as never);
}

// Hundreds of thousands of rows: one JSON parameter per batch expanded by the database
// (json_to_recordset) is far quicker than thousands of bound parameters, on both drivers.
type AttemptRow = {
	id: string;
	user_id: string;
	scenario: string;
	mode: 'practice' | 'assessment';
	timer: 'x1' | 'off';
	steps: number;
	node: string;
	mood: number;
	total: number;
	scores: Record<string, number>;
	outcome: string | null;
	percent: number | null;
	passed: boolean | null;
	started_at: string;
	finished_at: string | null;
};
type EventRow = { attempt_id: string; seq: number; type: string; choice_id: string | null; created_at: string };

async function insertAttempts(rows: AttemptRow[], size = 5000) {
	for (let i = 0; i < rows.length; i += size)
		await db.execute(sql`
			insert into simulation_attempt (id, user_id, scenario, mode, timer, steps, node, mood, total, scores, outcome, percent, passed, started_at, updated_at, finished_at)
			select id, user_id, scenario, mode, timer, steps, node, mood, total, scores, outcome, percent, passed, started_at, coalesce(finished_at, started_at), finished_at
			from json_to_recordset(${JSON.stringify(rows.slice(i, i + size))}::json) as x(
				id uuid, user_id uuid, scenario text, mode text, timer text, steps int, node text, mood int, total int,
				scores jsonb, outcome text, percent int, passed boolean, started_at timestamptz, finished_at timestamptz)`);
}

async function insertEvents(rows: EventRow[], size = 20000) {
	for (let i = 0; i < rows.length; i += size)
		await db.execute(sql`
			insert into simulation_event (attempt_id, seq, type, choice_id, created_at)
			select attempt_id, seq, type, choice_id, created_at
			from json_to_recordset(${JSON.stringify(rows.slice(i, i + size))}::json) as x(attempt_id uuid, seq int, type text, choice_id text, created_at timestamptz)`);
}

export async function generate({ trainees = 2000, perCohort = 200, assignmentsPerCohort = 20, events = 200_000, open = 0, seed = 42 } = {}) {
	const rand = random(seed);
	const now = Date.now();
	await database().migrate();
	const [traineeHash, trainerHash] = await Promise.all([hashPassword(benchTrainee.password), hashPassword(benchTrainer.password)]);
	const [trainer] = await db
		.insert(t.user)
		.values({ email: benchTrainer.email, name: 'Bench Trainer', passwordHash: trainerHash, role: 'trainer' })
		.returning({ id: t.user.id });
	const people = Array.from({ length: trainees }, (_, i) => ({
		email: `bench-${i}@rehearse.test`,
		name: `Trainee ${String(i).padStart(4, '0')}`,
		passwordHash: traineeHash,
		role: 'trainee' as const
	}));
	await insertMany(t.user, people);
	const ids = (await db.select({ id: t.user.id, email: t.user.email }).from(t.user).where(sql`${t.user.email} like 'bench-%' and ${t.user.role} = 'trainee'`))
		.sort((a, b) => Number(a.email.split(/[-@]/)[1]) - Number(b.email.split(/[-@]/)[1]))
		.map((u) => u.id);

	// Every cohort: 16 lessons and 4 role-plays (practice and assessment, each counting rule,
	// one limited to 3 attempts, one given to half the cohort only), made 30 days ago.
	const simulationsPerCohort = Math.min(4, assignmentsPerCohort);
	const assignedScenarios = new Map<string, { slug: string; mode: 'practice' | 'assessment' }[]>();
	const cohorts: string[] = [];
	for (let c = 0; c * perCohort < trainees; c++) {
		const [cohort] = await db.insert(t.cohort).values({ name: `Bench cohort ${c + 1}` }).returning({ id: t.cohort.id });
		cohorts.push(cohort.id);
		const members = ids.slice(c * perCohort, (c + 1) * perCohort);
		await db.insert(t.cohortTrainer).values({ cohortId: cohort.id, userId: trainer.id });
		await insertMany(t.cohortMember, members.map((userId) => ({ cohortId: cohort.id, userId })));
		const createdAt = new Date(now - 30 * DAY);
		const sims = Array.from({ length: simulationsPerCohort }, (_, s) => ({
			slug: scenarios[(c + s) % scenarios.length].scenario.slug,
			mode: (s === 1 ? 'assessment' : 'practice') as 'practice' | 'assessment'
		}));
		assignedScenarios.set(cohort.id, sims);
		const made = await db
			.insert(t.assignment)
			.values([
				...Array.from({ length: assignmentsPerCohort - simulationsPerCohort }, (_, a) => ({
					cohortId: cohort.id,
					kind: 'lesson' as const,
					target: lessons[a % lessons.length].slug,
					dueAt: new Date(now + (a - 5) * DAY),
					createdAt
				})),
				...sims.map((s, a) => ({
					cohortId: cohort.id,
					kind: 'simulation' as const,
					target: s.slug,
					dueAt: new Date(now + (a * 4 - 6) * DAY),
					mode: s.mode,
					passMark: s.mode === 'assessment' ? 70 : null,
					attemptsAllowed: a === 2 ? 3 : null,
					counting: t.countingRules[a % t.countingRules.length],
					createdAt
				}))
			])
			.returning({ id: t.assignment.id, kind: t.assignment.kind });
		const simIds = made.filter((m) => m.kind === 'simulation').map((m) => m.id);
		if (simIds[3]) await insertMany(t.assignmentTrainee, members.filter((_, i) => i % 2 === 0).map((userId) => ({ assignmentId: simIds[3], userId })));
		if (simIds[2]) await insertMany(t.attemptOverride, members.filter((_, i) => i % 10 === 0).map((userId) => ({ assignmentId: simIds[2], userId, attemptsAllowed: 5 })));
	}

	// Progress: each trainee has opened some lessons, read some sections and tried some checks.
	const progress: (typeof t.lessonProgress.$inferInsert)[] = [];
	const reads: (typeof t.sectionRead.$inferInsert)[] = [];
	const checks: (typeof t.checkAttempt.$inferInsert)[] = [];
	ids.forEach((userId, i) => {
		lessons.forEach((lesson, l) => {
			if ((i + l) % 3 === 0) return;
			const done = (i + l) % 3 === 1;
			progress.push({ userId, lesson: lesson.slug, lastSection: lesson.sections[0].id, completedAt: done ? new Date() : null });
			for (const section of lesson.sections.slice(0, done ? undefined : 2)) reads.push({ userId, lesson: lesson.slug, section: section.id });
			const total = lesson.questions.length;
			for (let k = 0; k < (done ? 2 : 1); k++) {
				const correct = done && k === 1 ? total : Math.max(0, total - 2 - ((i + k) % 3));
				checks.push({ userId, lesson: lesson.slug, answers: {}, correct, total, passed: correct >= 0.8 * total });
			}
		});
	});
	await insertMany(t.lessonProgress, progress);
	await insertMany(t.sectionRead, reads);
	await insertMany(t.checkAttempt, checks);

	// Role-play attempts: each trainee plays until their share of `events` is used, mostly the
	// role-plays their cohort was assigned (in the assigned mode), some others; one attempt in
	// ten is abandoned part-way. Attempts are spread over the last 28 days, oldest first.
	const attempts: AttemptRow[] = [];
	const eventRows: EventRow[] = [];
	const bySlug = new Map(scenarios.map((s) => [s.scenario.slug, s]));
	ids.forEach((userId, i) => {
		const assigned = assignedScenarios.get(cohorts[Math.floor(i / perCohort)]) ?? [];
		const budget = Math.round(((i + 1) * events) / ids.length) - eventRows.length;
		let used = 0;
		let played = 0;
		while (used < budget) {
			const pick = assigned.length && rand() < 0.8 ? assigned[Math.floor(rand() * assigned.length)] : null;
			const built = pick ? bySlug.get(pick.slug)! : scenarios[Math.floor(rand() * scenarios.length)];
			const play = randomPlay(built, rand);
			const abandoned = rand() < 0.1;
			const steps = Math.min(budget - used, abandoned ? 1 + Math.floor(rand() * (play.events.length - 1)) : play.events.length);
			const finished = steps === play.events.length;
			const state = play.trail[steps - 1];
			// Distinct start times per trainee (the counting rules order attempts by them).
			const started = Math.min(now - DAY, now - 28 * DAY + (played + rand()) * 0.6 * DAY) + played;
			const id = crypto.randomUUID();
			attempts.push({
				id,
				user_id: userId,
				scenario: built.scenario.slug,
				mode: pick?.mode ?? 'practice',
				timer: 'x1',
				steps,
				node: state.node,
				mood: state.context.mood,
				total: state.context.total,
				scores: state.context.scores,
				outcome: finished ? play.ending.outcome : null,
				percent: finished ? play.ending.percent : null,
				passed: finished ? play.ending.passed : null,
				started_at: new Date(started).toISOString(),
				finished_at: finished ? new Date(started + steps * 20_000).toISOString() : null
			});
			play.events.slice(0, steps).forEach((event, k) =>
				eventRows.push({
					attempt_id: id,
					seq: k + 1,
					type: event.type,
					choice_id: event.type === 'reply.choose' ? event.choiceId : null,
					created_at: new Date(started + (k + 1) * 20_000).toISOString()
				})
			);
			played += 1;
			used += steps;
		}
	});
	// Fresh attempts with no events yet, for the benchmark that posts events.
	const player = ids[Number(benchPlayer.email.split(/[-@]/)[1])];
	const openAttempts = Array.from({ length: open }, (_, k) => {
		const built = scenarios[k % scenarios.length];
		const { scenario } = built;
		return {
			id: crypto.randomUUID(),
			user_id: player,
			scenario: scenario.slug,
			mode: 'practice' as const,
			timer: 'x1' as const,
			steps: 0,
			node: scenario.start,
			mood: scenario.customer.mood,
			total: 0,
			scores: Object.fromEntries(scenario.rubric.map((d) => [d.id, 0])),
			outcome: null,
			percent: null,
			passed: null,
			started_at: new Date(now).toISOString(),
			finished_at: null
		};
	});
	// Stored in time order, as a live system writes them: a cohort's rows are spread over the
	// table, not side by side, so the plans below are the ones production would get.
	attempts.sort((a, b) => a.started_at.localeCompare(b.started_at));
	eventRows.sort((a, b) => a.created_at.localeCompare(b.created_at));
	await insertAttempts([...attempts, ...openAttempts]);
	await insertEvents(eventRows);
	// Fresh statistics, as autovacuum would have after a bulk load, so plans reflect the data.
	await db.execute(sql`analyze`);
	return {
		trainerId: trainer.id,
		cohorts,
		trainees: ids.length,
		open: openAttempts.map((a) => ({ id: a.id, scenario: a.scenario })),
		rows: { progress: progress.length, reads: reads.length, checks: checks.length, attempts: attempts.length, events: eventRows.length }
	};
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const started = performance.now();
	const result = await generate({
		trainees: Number(process.argv[2] ?? 2000),
		events: Number(process.env.BENCH_EVENTS ?? 200_000),
		open: Number(process.env.BENCH_OPEN ?? 0)
	});
	if (process.env.BENCH_OUT) writeFileSync(process.env.BENCH_OUT, JSON.stringify({ open: result.open }));
	console.log(
		`Generated ${result.trainees} trainees in ${result.cohorts.length} cohorts, ${JSON.stringify(result.rows)} in ${Math.round(performance.now() - started)} ms`
	);
	await database().close();
}
