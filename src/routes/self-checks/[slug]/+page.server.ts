import { error, fail, redirect } from '@sveltejs/kit';
import { textFields } from '$lib/server/forms';
import { requireUser } from '$lib/server/guard';
import { db } from '$lib/server/db';
import { translate, type Locale } from '$lib/i18n';
import { findForm, formIn, submitSelfCheck } from '$lib/server/selfchecks';
import { OBSERVER_FORM, observerRound, recordObservation } from '$lib/server/trios';
import { blockField } from '$lib/selfcheck/daily-plan';
import type { FormDefinition } from '$lib/selfcheck/definition';

/** The fields a form reads; anything else a client sends is ignored. */
function fieldNames(form: FormDefinition) {
	if (form.kind !== 'daily-plan') return form.sections.flatMap((s) => s.items.map((i) => i.id));
	const blocks = Array.from({ length: form.plan.maxBlocks }, (_, i) =>
		(['start', 'end', 'activity', 'tag'] as const).map((part) => blockField(i, part))
	);
	return ['date', 'day-start', 'day-end', ...blocks.flat()];
}

function initialValues(form: FormDefinition): Record<string, string> {
	if (form.kind === 'daily-plan') {
		const tomorrow = new Date(Date.now() + 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
		return { date: tomorrow, 'day-start': '09:00', 'day-end': '18:00' };
	}
	const values: Record<string, string> = {};
	for (const item of form.sections.flatMap((s) => s.items))
		if (item.kind === 'number' && item.default !== undefined) values[item.id] = String(item.default);
	return values;
}

/** The English definition, which checks and scores what is sent. */
function formOr404(slug: string, locale: Locale) {
	const form = findForm(slug);
	if (!form) error(404, translate(locale, 'error.notFound'));
	return form;
}

/** The trio round this observer checklist is for, when it was opened from a trio. */
async function trioRound(user: { id: string; role: string }, slug: string, trio: string | null, round: string | null, locale: Locale) {
	if (slug !== OBSERVER_FORM || !trio) return null;
	const found = await observerRound(user, trio, Number(round), locale);
	if (!found) error(404, translate(locale, 'selfCheck.error.notObserver'));
	return found;
}

export async function load(event) {
	const user = requireUser(event);
	const locale = event.locals.locale;
	const form = formOr404(event.params.slug, locale);
	const params = event.url.searchParams;
	const trio = await trioRound(user, form.slug, params.get('trio'), params.get('round'), locale);
	const values = initialValues(form);
	if (trio) Object.assign(values, { salesperson: trio.salesperson, complaint: trio.complaint });
	// A fresh key per rendered form: submitting the same page twice stores one result.
	return { form: formIn(locale, form), key: crypto.randomUUID(), values, trio: trio && { id: trio.trio.id, round: trio.trio.round, salesperson: trio.salesperson } };
}

export const actions = {
	default: async (event) => {
		const user = requireUser(event);
		const form = formOr404(event.params.slug, event.locals.locale);
		const data = await event.request.formData();
		const fields = textFields(data, fieldNames(form));
		const { key, trio: trioId, round } = textFields(data, ['key', 'trio', 'round']);
		const trio = await trioRound(user, form.slug, trioId, round, event.locals.locale);
		// An observer's checklist and the trio moving on to the next round land together.
		const outcome = await db.transaction(async (tx) => {
			const stored = await submitSelfCheck(user.id, form, fields, key, tx);
			if (stored.ok && trio) await recordObservation(tx, trio.trio.id, trio.trio.round, user.id, stored.id);
			return stored;
		});
		if (!outcome.ok) return fail(400, { errors: outcome.errors, values: fields, key: key.slice(0, 64) });
		redirect(303, trio ? `/trios/${trio.trio.id}` : `/self-checks/${form.slug}/${outcome.id}`);
	}
};
