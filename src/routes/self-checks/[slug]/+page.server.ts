import { error, fail, redirect } from '@sveltejs/kit';
import { textFields } from '$lib/server/forms';
import { requireUser } from '$lib/server/guard';
import { findForm, submitSelfCheck } from '$lib/server/selfchecks';
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

function formOr404(slug: string) {
	const form = findForm(slug);
	if (!form) error(404, 'Not found');
	return form;
}

export function load(event) {
	requireUser(event);
	const form = formOr404(event.params.slug);
	// A fresh key per rendered form: submitting the same page twice stores one result.
	return { form, key: crypto.randomUUID(), values: initialValues(form) };
}

export const actions = {
	default: async (event) => {
		const user = requireUser(event);
		const form = formOr404(event.params.slug);
		const data = await event.request.formData();
		const fields = textFields(data, fieldNames(form));
		const { key } = textFields(data, ['key']);
		const outcome = await submitSelfCheck(user.id, form, fields, key);
		if (!outcome.ok) return fail(400, { errors: outcome.errors, values: fields, key: key.slice(0, 64) });
		redirect(303, `/self-checks/${form.slug}/${outcome.id}`);
	}
};
