import { error, fail, redirect } from '@sveltejs/kit';
import * as v from 'valibot';
import { lessonIn } from '$lib/server/content';
import { attemptModes, timerSettings } from '$lib/server/db/schema';
import { message, textFields, validate } from '$lib/server/forms';
import { requireUser } from '$lib/server/guard';
import { roleplayAssignments } from '$lib/server/reports';
import { listAttempts, machineFor, recentFinished, startAttempt, wordsIn } from '$lib/server/simulations';

const Start = v.object({
	mode: v.picklist(attemptModes, message('sim.start.errorMode')),
	timer: v.picklist(timerSettings, message('sim.start.errorTimer'))
});

export async function load(event) {
	const user = requireUser(event);
	const found = machineFor(event.params.slug);
	if (!found) error(404, 'Not found');
	const { locale } = event.locals;
	const { analysis } = found.built;
	const scenario = wordsIn(locale, found.built);
	const mayReview = user.role === 'trainer' || user.role === 'admin';
	return {
		scenario: {
			slug: scenario.slug,
			kind: scenario.kind,
			title: scenario.title,
			summary: scenario.summary,
			brief: scenario.brief,
			lesson: { slug: scenario.lesson, title: lessonIn(locale, scenario.lesson)?.title ?? scenario.lesson },
			minutes: scenario.minutes,
			passMark: scenario.passMark,
			customer: scenario.customer,
			rubric: scenario.rubric,
			timed: scenario.beats.some((b) => b.timer !== undefined),
			decisions: analysis.longestPath
		},
		...(await Promise.all([
			listAttempts(user.id, scenario.slug),
			roleplayAssignments(user.id, scenario.slug),
			mayReview ? recentFinished(user, scenario.slug) : null
		]).then(([attempts, assigned, review]) => ({ attempts, assigned, review })))
	};
}

export const actions = {
	start: async (event) => {
		const user = requireUser(event);
		const input = textFields(await event.request.formData(), ['mode', 'timer']);
		const parsed = validate(Start, input, event.locals.locale);
		if (!parsed.ok) return fail(400, { ...input, errors: parsed.errors });
		const attempt = await startAttempt(user.id, event.params.slug, parsed.data.mode, parsed.data.timer);
		if (!attempt) error(404, 'Not found');
		redirect(303, `/simulations/${event.params.slug}/attempts/${attempt.id}`);
	}
};
