// Scores, mistakes and the debrief, computed from a path the machine produced.
import { bestChoice, isMistake, lookup, type Analysis } from './analysis';
import type { RoleplayContext, Step } from './machine';
import { totalOf, type Beat, type Choice, type Reply, type Scenario } from './schema';

export type Result = {
	total: number;
	maxTotal: number;
	/** total / maxTotal as a whole percent, floored at 0 (a total can go below zero). */
	percent: number;
	passed: boolean;
	dimensions: { id: string; label: string; score: number; max: number }[];
};

export function resultOf(scenario: Scenario, analysis: Pick<Analysis, 'maxTotal' | 'maxByDimension'>, context: Pick<RoleplayContext, 'scores' | 'total'>): Result {
	const percent = Math.max(0, Math.floor((context.total / analysis.maxTotal) * 100));
	return {
		total: context.total,
		maxTotal: analysis.maxTotal,
		percent,
		passed: percent >= scenario.passMark,
		dimensions: scenario.rubric.map((d) => ({
			id: d.id,
			label: d.label,
			score: context.scores[d.id] ?? 0,
			max: analysis.maxByDimension[d.id]
		}))
	};
}

/** The reply a step took (the beat's timeout when `choiceId` is null). */
export function replyOf(beat: Beat, step: Step): Reply | undefined {
	return step.choiceId === null ? beat.timeout : beat.choices.find((c) => c.id === step.choiceId);
}

export type DebriefStep = {
	beat: Beat;
	/** null: the trainee stayed silent until the timer ran out. */
	choice: Choice | null;
	reply: Reply;
	points: number;
	mistake: boolean;
	/** The better reply at a mistake. */
	better: Choice | null;
};

export function debriefSteps(scenario: Scenario, path: readonly Step[]): DebriefStep[] {
	const { beats } = lookup(scenario);
	return path.flatMap((step) => {
		const beat = beats.get(step.beat);
		const reply = beat && replyOf(beat, step);
		if (!beat || !reply) return [];
		const mistake = isMistake(beat, reply);
		return [
			{
				beat,
				choice: 'id' in reply ? reply : null,
				reply,
				points: totalOf(reply.effects),
				mistake,
				better: mistake ? bestChoice(beat) : null
			}
		];
	});
}

/** `slug#anchor` → the lesson URL. */
export const lessonHref = (ref: string) => {
	const [slug, anchor] = ref.split('#');
	return anchor ? `/lessons/${slug}#${anchor}` : `/lessons/${slug}`;
};
