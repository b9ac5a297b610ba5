import { error } from '@sveltejs/kit';
import { requireUser } from '$lib/server/guard';
import { translate } from '$lib/i18n';
import { findForm, formIn, getSubmissions, listSubmissions } from '$lib/server/selfchecks';

export async function load(event) {
	const user = requireUser(event);
	const locale = event.locals.locale;
	const form = findForm(event.params.slug);
	if (!form) error(404, translate(locale, 'error.notFound'));
	const all = await listSubmissions(user.id, form.slug);
	const points = all.map((s) => ({
		id: s.id,
		createdAt: s.createdAt,
		value: s.value,
		band: s.band,
		// A past plan is known by the day it planned, not the day it was written.
		planned: s.result.kind === 'daily-plan' ? s.result.date : null
	}));

	// Two submissions side by side: the ones asked for, else the latest two.
	const asked = [event.url.searchParams.get('a'), event.url.searchParams.get('b')];
	const ids = asked[0] && asked[1] ? (asked as string[]) : all.slice(-2).map((s) => s.id);
	const found = ids.length === 2 && ids[0] !== ids[1] ? await getSubmissions(user.id, form.slug, ids) : [];
	const pick = (id: string) => found.find((s) => s.id === id);
	const pair = found.length === 2 ? [pick(ids[0])!, pick(ids[1])!].sort((x, y) => +x.createdAt - +y.createdAt) : null;
	return {
		form: formIn(locale, form),
		points,
		compare: pair?.map((s) => ({ id: s.id, createdAt: s.createdAt, answers: s.answers, result: s.result })) ?? null,
		compareProblem: asked[0] || asked[1] ? (pair ? null : translate(locale, 'selfCheck.history.compareProblem')) : null
	};
}
