import { error, fail } from '@sveltejs/kit';
import { scenarioIn } from '$lib/server/content';
import { translate, type Locale } from '$lib/i18n';
import { requireUser } from '$lib/server/guard';
import { addMinutes, castOf, trioFor, versionOf } from '$lib/server/trios';
import { clock, roleOf } from '$lib/trio/rotation';

async function trioOr404(event: Parameters<typeof requireUser>[0] & { params: { id: string } }) {
	const user = requireUser(event);
	const trio = await trioFor(user, event.params.id);
	if (!trio) error(404, 'Not found');
	return trio;
}

/** The cards of a round, built from its complaint scenario. */
function cards(slug: string, locale: Locale) {
	const scenario = scenarioIn(locale, slug)?.scenario;
	if (!scenario) return null;
	const opening = scenario.beats.find((b) => b.id === scenario.start);
	return {
		title: scenario.title,
		salesperson: { brief: scenario.brief },
		customer: { name: scenario.customer.name, situation: scenario.customer.situation, mood: scenario.customer.mood, opening: opening?.say ?? '' }
	};
}

export async function load(event) {
	event.depends('trio:state');
	const trio = await trioOr404(event);
	const round = trio.finishedAt ? null : trio.round;
	return {
		trio: {
			id: trio.id,
			cohortName: trio.cohortName,
			round: trio.round,
			finished: Boolean(trio.finishedAt),
			clock: clock(trio),
			serverNow: Date.now(),
			version: versionOf(trio),
			seats: trio.seats.map((s) => ({ seat: s.seat, name: s.name })),
			cast: round ? castOf(trio, round).map((c) => ({ name: c.name, role: c.role, you: c.seat === trio.seat })) : [],
			rounds: trio.rounds.map((r) => ({ round: r.round, title: cards(r.scenario, event.locals.locale)?.title ?? r.scenario, done: Boolean(r.completedAt), score: r.value === null ? null : Math.round(r.value), band: r.band }))
		},
		you: trio.seat === null ? null : { role: round ? roleOf(trio.seat, round) : null },
		supervises: trio.supervises,
		cards: round ? cards(trio.rounds[round - 1].scenario, event.locals.locale) : null
	};
}

export const actions = {
	time: async (event) => {
		const trio = await trioOr404(event);
		if (trio.finishedAt) return fail(400, { message: translate(event.locals.locale, 'trio.over') });
		await addMinutes(trio.id, 5);
		return { message: translate(event.locals.locale, 'trio.timeAdded') };
	}
};
