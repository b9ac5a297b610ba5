import { error, fail } from '@sveltejs/kit';
import { desc, eq } from 'drizzle-orm';
import * as v from 'valibot';
import { translate } from '$lib/i18n';
import { lessonsFor, scenarioIn, selfCheckIn } from '$lib/server/content';
import { membersOf, overridesOf, setAttemptOverride } from '$lib/server/cohorts';
import { db } from '$lib/server/db';
import { selfCheckSubmission, simulationAttempt } from '$lib/server/db/schema';
import { textFields } from '$lib/server/forms';
import { checkAttempts, progressByLesson } from '$lib/server/lessons';
import { cohortMatrix } from '$lib/server/reports';
import { triosOfCohort } from '$lib/server/trios';
import { cohortAccess } from '../../access';

async function traineeOf(event: Parameters<typeof cohortAccess>[0] & { params: { userId: string } }) {
	const { cohort } = await cohortAccess(event);
	// Only trainees of this cohort can be read through it.
	const trainee = (await membersOf(cohort.id)).find((m) => m.id === event.params.userId);
	if (!trainee) error(404, 'Not found');
	return { cohort, trainee };
}

export async function load(event) {
	const { cohort, trainee } = await traineeOf(event);
	const [matrix, progress, attempts, runs, submissions, trios] = await Promise.all([
		cohortMatrix(cohort.id, new Date(), event.locals.locale),
		progressByLesson(trainee.id),
		checkAttempts(trainee.id),
		db
			.select({
				id: simulationAttempt.id,
				scenario: simulationAttempt.scenario,
				mode: simulationAttempt.mode,
				percent: simulationAttempt.percent,
				passed: simulationAttempt.passed,
				outcome: simulationAttempt.outcome,
				reflection: simulationAttempt.reflection,
				startedAt: simulationAttempt.startedAt,
				finishedAt: simulationAttempt.finishedAt
			})
			.from(simulationAttempt)
			.where(eq(simulationAttempt.userId, trainee.id))
			.orderBy(desc(simulationAttempt.startedAt)),
		db
			.select({ id: selfCheckSubmission.id, form: selfCheckSubmission.form, band: selfCheckSubmission.band, value: selfCheckSubmission.value, createdAt: selfCheckSubmission.createdAt })
			.from(selfCheckSubmission)
			.where(eq(selfCheckSubmission.userId, trainee.id))
			.orderBy(desc(selfCheckSubmission.createdAt)),
		triosOfCohort(cohort.id, event.locals.locale)
	]);
	const row = matrix.rows.find((r) => r.trainee.id === trainee.id)!;
	const assignments = matrix.assignments.map((a, i) => ({ ...a, cell: row.cells[i] })).filter((a) => a.cell);
	const overrides = await overridesOf(assignments.filter((a) => a.kind === 'simulation').map((a) => a.id));
	return {
		cohort: { id: cohort.id, name: cohort.name },
		trainee,
		assignments: assignments.map((a) => ({ ...a, override: overrides.get(`${a.id}:${trainee.id}`) ?? null })),
		lessons: lessonsFor(event.locals.locale).map((l) => {
			const p = progress.get(l.slug)!;
			return { slug: l.slug, title: l.title, sections: l.sections.length, read: p.read.length, completed: p.completed, attempts: attempts.filter((a) => a.lesson === l.slug) };
		}),
		roleplays: runs.map((r) => ({ ...r, title: scenarioIn(event.locals.locale, r.scenario)?.scenario.title ?? r.scenario })),
		selfChecks: submissions.map((s) => {
			const form = selfCheckIn(event.locals.locale, s.form);
			return { ...s, title: form?.title ?? s.form, band: form?.bands.find((b) => b.id === s.band)?.label ?? s.band, percent: form?.kind === 'hour-value' ? null : Math.round(s.value) };
		}),
		trios: trios
			.filter((t) => t.trainees.some((x) => x.id === trainee.id))
			.map((t) => ({
				id: t.id,
				startedAt: t.startedAt,
				rounds: t.rounds.map((r) => ({
					round: r.round,
					complaint: r.complaint,
					role: r.roles[trainee.id],
					score: r.roles[trainee.id] === 'salesperson' ? r.score : null
				}))
			}))
	};
}

const Attempts = v.union([v.literal(''), v.pipe(v.string(), v.toNumber(), v.integer(), v.minValue(1), v.maxValue(50))]);

export const actions = {
	override: async (event) => {
		const { cohort, trainee } = await traineeOf(event);
		const { assignmentId, attempts } = textFields(await event.request.formData(), ['assignmentId', 'attempts']);
		const parsed = v.safeParse(Attempts, attempts.trim());
		if (!parsed.success) return fail(400, { assignmentId, message: translate(event.locals.locale, 'trainee.overrideInvalid') });
		const value = parsed.output === '' ? null : parsed.output;
		if (!(await setAttemptOverride(cohort.id, assignmentId, trainee.id, value))) error(404, 'Not found');
		return { assignmentId, message: translate(event.locals.locale, 'trainee.overrideSaved') };
	}
};
