// A layered layout of a scenario for the trainers' diagram: columns by depth (the longest
// distance from the start, so every arrow points right), rows in order of first appearance.
import { lookup, repliesOf } from './analysis';
import type { Outcome, Scenario } from './schema';

export const NODE_W = 168;
export const NODE_H = 64;
const COL_GAP = 64;
const ROW_GAP = 22;
const PAD = 16;

export type DiagramNode = { id: string; kind: 'beat' | 'ending'; outcome?: Outcome; text: string; x: number; y: number; timed: boolean };
export type DiagramEdge = { from: string; to: string; labels: string[]; conditional: boolean; path: string };

// Cut to about `n` Latin letters' width; a Chinese or Korean character takes about two.
function short(s: string, n: number) {
	const chars = [...s].map((c) => ({ c, w: c.codePointAt(0)! >= 0x2e80 ? 2 : 1 }));
	if (chars.reduce((sum, { w }) => sum + w, 0) <= n) return s;
	let kept = '';
	for (let i = 0, used = 0; i < chars.length && used + chars[i].w <= n - 1; used += chars[i++].w) kept += chars[i].c;
	return `${kept.trimEnd()}…`;
}

export function layoutScenario(scenario: Scenario) {
	const { beats } = lookup(scenario);
	// Longest-path depth over the acyclic graph (content:check guarantees no cycles).
	const depth = new Map<string, number>();
	const order: string[] = [];
	const visit = (id: string, d: number) => {
		if (!order.includes(id)) order.push(id);
		if ((depth.get(id) ?? -1) >= d) return;
		depth.set(id, d);
		const beat = beats.get(id);
		if (beat) for (const reply of repliesOf(beat)) for (const t of [reply.next, ...reply.branches.map((b) => b.next)]) visit(t, d + 1);
	};
	visit(scenario.start, 0);
	// Endings go in one last column, so outcomes line up.
	const lastBeatDepth = Math.max(...scenario.beats.map((b) => depth.get(b.id) ?? 0));
	for (const e of scenario.endings) depth.set(e.id, lastBeatDepth + 1);

	const columns = new Map<number, string[]>();
	for (const id of order) columns.set(depth.get(id)!, [...(columns.get(depth.get(id)!) ?? []), id]);
	const rows = Math.max(...[...columns.values()].map((c) => c.length));
	// Room above and below for arrows that skip columns (drawn as arcs so they never cross a node).
	const maxSpan = lastBeatDepth + 1;
	const arc = (span: number) => 24 + 14 * Math.min(span, 8);
	const margin = arc(maxSpan);
	const height = PAD * 2 + margin * 2 + rows * NODE_H + (rows - 1) * ROW_GAP;

	const nodes: DiagramNode[] = [];
	for (const [col, ids] of columns) {
		const columnHeight = ids.length * NODE_H + (ids.length - 1) * ROW_GAP;
		ids.forEach((id, row) => {
			const beat = beats.get(id);
			const ending = scenario.endings.find((e) => e.id === id);
			nodes.push({
				id,
				kind: beat ? 'beat' : 'ending',
				outcome: ending?.outcome,
				text: short(beat ? beat.say : (ending?.title ?? ''), 44),
				timed: beat?.timer !== undefined,
				x: PAD + col * (NODE_W + COL_GAP),
				y: (height - columnHeight) / 2 + row * (NODE_H + ROW_GAP)
			});
		});
	}
	const at = new Map(nodes.map((n) => [n.id, n]));
	const column = (n: DiagramNode) => Math.round((n.x - PAD) / (NODE_W + COL_GAP));
	const edgePath = (a: DiagramNode, b: DiagramNode, n: number) => {
		const span = column(b) - column(a);
		if (span <= 1) {
			const [x1, y1, x2, y2] = [a.x + NODE_W, a.y + NODE_H / 2, b.x, b.y + NODE_H / 2];
			const mid = (x1 + x2) / 2;
			return `M${x1},${y1} C${mid},${y1} ${mid},${y2} ${x2},${y2}`;
		}
		// Alternate above and below, higher for longer jumps.
		const up = n % 2 === 0;
		const [x1, y1] = [a.x + NODE_W * 0.7, up ? a.y : a.y + NODE_H];
		const [x2, y2] = [b.x + NODE_W * 0.3, up ? b.y : b.y + NODE_H];
		const h = (up ? -1 : 1) * arc(span);
		return `M${x1},${y1} C${x1},${(up ? Math.min(y1, y2) : Math.max(y1, y2)) + h} ${x2},${(up ? Math.min(y1, y2) : Math.max(y1, y2)) + h} ${x2},${y2}`;
	};

	const edges = new Map<string, DiagramEdge>();
	for (const beat of scenario.beats)
		for (const reply of repliesOf(beat)) {
			const label = 'id' in reply ? reply.id : 'silence';
			const targets = [
				{ to: reply.next, conditional: false },
				...reply.branches.map((b) => ({ to: b.next, conditional: true }))
			];
			for (const { to, conditional } of targets) {
				const key = `${beat.id}>${to}>${conditional}`;
				const a = at.get(beat.id)!;
				const b = at.get(to)!;
				const edge = edges.get(key) ?? { from: beat.id, to, labels: [], conditional, path: edgePath(a, b, edges.size) };
				if (!edge.labels.includes(label)) edge.labels.push(label);
				edges.set(key, edge);
			}
		}

	return {
		width: PAD * 2 + (lastBeatDepth + 2) * NODE_W + (lastBeatDepth + 1) * COL_GAP,
		height,
		nodes,
		edges: [...edges.values()]
	};
}

export type Diagram = ReturnType<typeof layoutScenario>;
