import { error, fail } from '@sveltejs/kit';
import * as v from 'valibot';
import { debriefOf } from '$lib/server/debrief';
import { message, textFields, validate } from '$lib/server/forms';
import { requireUser } from '$lib/server/guard';
import { getAttempt, listAttempts, machineFor, saveReflection, wordsIn } from '$lib/server/simulations';

const Reflection = v.object({
	reflection: v.pipe(
		v.string(),
		v.trim(),
		v.nonEmpty(message('sim.reflect.required')),
		v.maxLength(4000, message('sim.reflect.tooLong', { max: 4000 })),
		v.check((s) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(s), message('sim.reflect.badCharacters'))
	)
});

export async function load(event) {
	const user = requireUser(event);
	const found = machineFor(event.params.slug);
	const loaded = found && (await getAttempt(user, event.params.slug, event.params.id));
	if (!found || !loaded) error(404, 'Not found');
	const { attempt, events, own } = loaded;
	// Shown in the reader's language; the events are replayed and scored on the English one.
	const scenario = wordsIn(event.locals.locale, found.built);
	const common = {
		attempt: { id: attempt.id, mode: attempt.mode, timer: attempt.timer, finished: attempt.finishedAt !== null },
		own,
		info: { slug: scenario.slug, title: scenario.title, kind: scenario.kind, customer: scenario.customer.name }
	};
	if (!attempt.finishedAt) {
		// Assessment mode keeps feedback for the debrief, so the browser never receives it before then.
		const forPlayer =
			attempt.mode === 'assessment'
				? {
						...scenario,
						beats: scenario.beats.map((b) => ({
							...b,
							choices: b.choices.map((c) => ({ ...c, feedback: '' })),
							timeout: b.timeout && { ...b.timeout, feedback: '' }
						}))
					}
				: scenario;
		return { ...common, player: { scenario: forPlayer, events }, debrief: null, history: null };
	}
	return {
		...common,
		player: null,
		debrief: debriefOf(found.built, attempt, events, scenario),
		history: await listAttempts(attempt.userId, scenario.slug)
	};
}

export const actions = {
	reflect: async (event) => {
		const user = requireUser(event);
		const input = textFields(await event.request.formData(), ['reflection']);
		const parsed = validate(Reflection, input, event.locals.locale);
		if (!parsed.ok) return fail(400, { ...input, errors: parsed.errors });
		if (!(await saveReflection(user.id, event.params.slug, event.params.id, parsed.data.reflection))) error(404, 'Not found');
		return { saved: true };
	}
};
