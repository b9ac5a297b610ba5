// The rules of content/README.md that a schema cannot express: ids resolve, the graph is acyclic,
// every beat is reachable, paths are long enough, and the best reply leads to success.
import { analyse, bestChoice, findCycle, repliesOf, type Analysis } from './analysis';
import { outcomes, totalOf, type Scenario } from './schema';

export const MIN_DECISIONS = 10;
export const MIN_ENDINGS = 3;

/** Every lesson link in a scenario (`slug#anchor`), with where it is used. */
export function lessonLinks(scenario: Scenario) {
	const links = [{ where: 'lesson', ref: scenario.lesson }];
	for (const beat of scenario.beats)
		for (const reply of repliesOf(beat))
			links.push({ where: `beats.${beat.id}.${'id' in reply ? `choices.${reply.id}` : 'timeout'}`, ref: reply.lesson });
	return links;
}

export function checkScenario(scenario: Scenario): { problems: string[]; analysis: Analysis | null } {
	const problems: string[] = [];
	const beatIds = scenario.beats.map((b) => b.id);
	const endingIds = scenario.endings.map((e) => e.id);
	const nodes = new Set([...beatIds, ...endingIds]);
	const dims = new Set(scenario.rubric.map((d) => d.id));

	if (nodes.size !== beatIds.length + endingIds.length) problems.push('beat and ending ids must be unique across both lists');
	if (dims.size !== scenario.rubric.length) problems.push('rubric ids must be unique');
	if (!new Set(beatIds).has(scenario.start)) problems.push(`start "${scenario.start}" is not a beat`);

	for (const beat of scenario.beats)
		for (const reply of repliesOf(beat)) {
			const where = `beats.${beat.id}.${'id' in reply ? `choices.${reply.id}` : 'timeout'}`;
			for (const target of [reply.next, ...reply.branches.map((b) => b.next)])
				if (!nodes.has(target)) problems.push(`${where}: next "${target}" is neither a beat nor an ending`);
			for (const dim of Object.keys(reply.effects))
				if (!dims.has(dim)) problems.push(`${where}: effect on "${dim}", which is not a rubric dimension`);
		}

	for (const beat of scenario.beats) {
		// Records (xAPI) name silence "timeout" among a beat's replies.
		if (beat.choices.some((c) => c.id === 'timeout')) problems.push(`beats.${beat.id}: "timeout" is reserved for silence and cannot be a choice id`);
		const best = totalOf(bestChoice(beat).effects);
		if (beat.choices.filter((c) => totalOf(c.effects) === best).length > 1)
			problems.push(`beats.${beat.id}: two or more choices share the best total (${best}); the best reply must score strictly highest`);
	}
	if (problems.length) return { problems, analysis: null };

	const cycle = findCycle(scenario);
	if (cycle.length) return { problems: [`the beats form a cycle, so a path may never end: ${cycle.join(' → ')}`], analysis: null };

	const analysis = analyse(scenario);
	for (const id of beatIds)
		if (!analysis.reachableBeats.has(id)) problems.push(`beats.${id}: cannot be reached from "${scenario.start}"`);
	for (const id of endingIds)
		if (!analysis.reachableEndings.has(id)) problems.push(`endings.${id}: cannot be reached from "${scenario.start}"`);
	if (analysis.longestPath < MIN_DECISIONS)
		problems.push(`the longest path has ${analysis.longestPath} decisions; at least ${MIN_DECISIONS} are needed`);
	if (endingIds.length < MIN_ENDINGS) problems.push(`needs at least ${MIN_ENDINGS} endings`);
	for (const outcome of outcomes)
		if (!scenario.endings.some((e) => e.outcome === outcome)) problems.push(`needs at least one "${outcome}" ending`);
	for (const [dim, max] of Object.entries(analysis.maxByDimension))
		if (max <= 0) problems.push(`rubric.${dim}: no path earns a point on this dimension`);
	const bestEnding = scenario.endings.find((e) => e.id === analysis.bestEnding);
	if (bestEnding?.outcome !== 'success')
		problems.push(`following the best reply at every beat ends at "${analysis.bestEnding}", not at a success ending`);
	return { problems, analysis };
}
