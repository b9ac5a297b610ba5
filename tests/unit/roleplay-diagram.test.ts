import { expect, it } from 'vitest';
import { layoutScenario, NODE_W } from '$lib/roleplay/diagram';
import { buildScenarios } from '$lib/server/content/scenarios';
import { scenarioFiles } from './scenario-files';

it('lays out every beat and ending once, with every arrow pointing to a later column', () => {
	for (const { scenario } of buildScenarios(scenarioFiles()).scenarios) {
		const diagram = layoutScenario(scenario);
		expect(diagram.nodes.map((n) => n.id).sort()).toEqual([...scenario.beats.map((b) => b.id), ...scenario.endings.map((e) => e.id)].sort());
		const at = new Map(diagram.nodes.map((n) => [n.id, n]));
		for (const edge of diagram.edges) expect(at.get(edge.to)!.x).toBeGreaterThan(at.get(edge.from)!.x);
		for (const node of diagram.nodes) {
			expect(node.x + NODE_W).toBeLessThanOrEqual(diagram.width);
			expect(node.y).toBeGreaterThanOrEqual(0);
		}
		// Nodes never overlap.
		for (const a of diagram.nodes)
			for (const b of diagram.nodes) if (a !== b && a.x === b.x) expect(Math.abs(a.y - b.y)).toBeGreaterThanOrEqual(64);
		expect(diagram.nodes.filter((n) => n.kind === 'ending').every((n) => n.outcome)).toBe(true);
	}
});
