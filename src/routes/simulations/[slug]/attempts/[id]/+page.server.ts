import { error, fail } from '@sveltejs/kit';
import * as v from 'valibot';
import { debriefOf } from '$lib/server/debrief';
import { textFields, validate } from '$lib/server/forms';
import { requireUser } from '$lib/server/guard';
import { getAttempt, listAttempts, machineFor, saveReflection } from '$lib/server/simulations';

const Reflection = v.object({
	reflection: v.pipe(
		v.string(),
		v.trim(),
		v.nonEmpty('Please write a sentence or two before saving.'),
		v.maxLength(4000, 'Your reflection can be at most 4,000 characters.'),
		v.check((s) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(s), 'Your reflection contains characters we cannot store.')
	)
});

export async function load(event) {
	const user = requireUser(event);
	const found = machineFor(event.params.slug);
	const loaded = found && (await getAttempt(user, event.params.slug, event.params.id));
	if (!found || !loaded) error(404, 'Not found');
	const { attempt, events, own } = loaded;
	const { scenario } = found.built;
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
		debrief: debriefOf(found.built, attempt, events),
		history: await listAttempts(attempt.userId, scenario.slug)
	};
}

export const actions = {
	reflect: async (event) => {
		const user = requireUser(event);
		const input = textFields(await event.request.formData(), ['reflection']);
		const parsed = validate(Reflection, input);
		if (!parsed.ok) return fail(400, { ...input, errors: parsed.errors });
		if (!(await saveReflection(user.id, event.params.slug, event.params.id, parsed.data.reflection))) error(404, 'Not found');
		return { saved: true };
	}
};
