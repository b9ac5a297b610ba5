import { error } from '@sveltejs/kit';
import { layoutScenario } from '$lib/roleplay/diagram';
import { requireRole } from '$lib/server/guard';
import { machineFor, wordsIn } from '$lib/server/simulations';

export async function load(event) {
	requireRole(event, 'trainer');
	const found = machineFor(event.params.slug);
	if (!found) error(404, 'Not found');
	const { analysis } = found.built;
	// The translation has the English structure, so the layout is the same; only the words differ.
	const scenario = wordsIn(event.locals.locale, found.built);
	return {
		title: scenario.title,
		slug: scenario.slug,
		diagram: layoutScenario(scenario),
		beats: scenario.beats.map((b) => ({
			id: b.id,
			timer: b.timer ?? null,
			replies: [...b.choices.map((c) => ({ id: c.id, next: c.next, branches: [...new Set(c.branches.map((x) => x.next))] })), ...(b.timeout ? [{ id: 'silence', next: b.timeout.next, branches: [...new Set(b.timeout.branches.map((x) => x.next))] }] : [])]
		})),
		endings: scenario.endings.map((e) => ({ id: e.id, outcome: e.outcome, title: e.title })),
		dimensions: scenario.rubric.map((d) => ({ label: d.label, max: analysis.maxByDimension[d.id] })),
		stats: { longest: analysis.longestPath, paths: analysis.pathCount, maxTotal: analysis.maxTotal }
	};
}
