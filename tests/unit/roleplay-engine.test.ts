import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { applyReply, compileScenario, holds, initialContext, nodeOf, replay, type RoleplayEvent } from '$lib/roleplay/machine';
import { analyse, bestChoice, findCycle } from '$lib/roleplay/analysis';
import { checkScenario } from '$lib/roleplay/validate';
import { debriefSteps, resultOf } from '$lib/roleplay/score';
import { tinyScenario } from './tiny-scenario';

const choose = (choiceId: string): RoleplayEvent => ({ type: 'reply.choose', choiceId });
const goodToEnd = (n: number) => Array.from({ length: n }, () => choose('good'));

describe('engine rules', () => {
	it('clamps mood to -3..3 and sets flags once, sorted', () => {
		const start = { ...initialContext(tinyScenario()), mood: 2 };
		const after = applyReply(start, { beat: 'b1', choiceId: 'x', effects: { listening: 1 }, mood: 5, flags: ['b', 'a'] });
		expect(after.mood).toBe(3);
		expect(after.flags).toEqual(['a', 'b']);
		const again = applyReply({ ...after, mood: -2 }, { beat: 'b2', choiceId: 'y', effects: {}, mood: -4, flags: ['a'] });
		expect(again.mood).toBe(-3);
		expect(again.flags).toEqual(['a', 'b']);
		expect(again.path).toEqual([{ beat: 'b1', choiceId: 'x' }, { beat: 'b2', choiceId: 'y' }]);
	});

	it('requires every condition of a `when` to hold', () => {
		const context = { mood: 2, total: 20, flags: ['closed'] };
		expect(holds({ mood: { min: 2 }, score: { min: 20 }, flags: ['closed'] }, context)).toBe(true);
		expect(holds({ mood: { min: 2 }, score: { min: 21 } }, context)).toBe(false);
		expect(holds({ notFlags: ['closed'] }, context)).toBe(false);
		expect(holds({ mood: { max: 1 } }, context)).toBe(false);
	});

	it('checks branches after the choice applies: its own flag, mood and score count', () => {
		const machine = compileScenario(tinyScenario());
		// Nine good replies: total 27, mood 3; `close` adds its flag and 4 points before the branch test.
		const won = replay(machine, [...goodToEnd(9), choose('close')]);
		expect(won.ok && nodeOf(won.snapshot)).toBe('win');
		expect(won.snapshot.context.total).toBe(31);
		expect(won.snapshot.status).toBe('done');
	});

	it('follows the first matching branch, else `next`', () => {
		const machine = compileScenario(tinyScenario());
		// Silence sets "silent", so the winning branch is closed off and `close` falls through to `next`.
		const silent = replay(machine, [{ type: 'reply.timeout' }, ...goodToEnd(8), choose('close')]);
		expect(silent.ok && nodeOf(silent.snapshot)).toBe('meh');
		// Good replies keep her at 3, so `push` only brings her to 0: no branch holds.
		const pushedLate = replay(machine, [...goodToEnd(9), choose('push')]);
		expect(pushedLate.ok && nodeOf(pushedLate.snapshot)).toBe('meh');
		// Two bad replies bring her to -1; `push` takes her to -3: the failure branch.
		const pushed = replay(machine, [...goodToEnd(7), choose('bad'), choose('bad'), choose('push')]);
		expect(pushed.ok && nodeOf(pushed.snapshot)).toBe('lose');
	});

	it('refuses an unknown choice, a timeout without a timer, and anything after the end', () => {
		const machine = compileScenario(tinyScenario());
		const unknown = replay(machine, [choose('good'), choose('nonsense')]);
		expect(unknown).toMatchObject({ ok: false, index: 1 });
		expect(!unknown.ok && unknown.message).toContain('nonsense');
		const noTimer = replay(machine, [choose('good'), { type: 'reply.timeout' }]);
		expect(noTimer).toMatchObject({ ok: false, index: 1, message: 'This line has no timer, so it cannot time out.' });
		const late = replay(machine, [...goodToEnd(9), choose('close'), choose('good')]);
		expect(late).toMatchObject({ ok: false, index: 10, message: 'The conversation has already ended.' });
	});

	it('ignores nothing silently: a live actor leaves the state unchanged on an illegal event', () => {
		const actor = createActor(compileScenario(tinyScenario())).start();
		actor.send(choose('forged-ending'));
		expect(nodeOf(actor.getSnapshot())).toBe('b1');
		expect(actor.getSnapshot().context.total).toBe(0);
		actor.stop();
	});
});

describe('analysis', () => {
	it('finds maxima, the longest path, every path and the best path of a known scenario', () => {
		const scenario = tinyScenario();
		const analysis = analyse(scenario);
		expect(analysis.maxTotal).toBe(31);
		expect(analysis.maxByDimension).toEqual({ listening: 18, apology: 9, solution: 2, 'follow-through': 2 });
		expect(analysis.longestPath).toBe(10);
		expect(analysis.pathCount).toBe(3 * 2 ** 8 * 2);
		expect(analysis.bestEnding).toBe('win');
		expect(analysis.bestPath.map((s) => s.choiceId)).toEqual([...Array(9).fill('good'), 'close']);
		expect(checkScenario(scenario).problems).toEqual([]);
	});

	it('reports a dead end, a cycle, unreachable beats, a tie for best and too few decisions', () => {
		const base = tinyScenario();
		const deadEnd = structuredClone(base);
		deadEnd.beats[3].choices[0].next = 'nowhere';
		expect(checkScenario(deadEnd).problems).toContain('beats.b4.choices.good: next "nowhere" is neither a beat nor an ending');

		const cycle = structuredClone(base);
		cycle.beats[5].choices[1].next = 'b2';
		expect(findCycle(cycle)).toEqual(['b2', 'b3', 'b4', 'b5', 'b6', 'b2']);
		expect(checkScenario(cycle).problems[0]).toMatch(/cycle/);

		const short = structuredClone(base);
		for (const choice of short.beats[0].choices) choice.next = 'b9';
		short.beats[0].timeout!.next = 'b9';
		const problems = checkScenario(short).problems;
		expect(problems).toContain('beats.b2: cannot be reached from "b1"');
		expect(problems).toContain('the longest path has 3 decisions; at least 10 are needed');

		const tie = structuredClone(base);
		tie.beats[2].choices[1].effects = { apology: 3 };
		expect(checkScenario(tie).problems[0]).toMatch(/beats\.b3: two or more choices share the best total/);

		const noSuccess = structuredClone(base);
		noSuccess.endings[0].outcome = 'partial';
		expect(checkScenario(noSuccess).problems).toContain('needs at least one "success" ending');

		const reserved = structuredClone(base);
		reserved.beats[1].choices[1].id = 'timeout';
		expect(checkScenario(reserved).problems).toContain('beats.b2: "timeout" is reserved for silence and cannot be a choice id');
	});

	it('reports a branch target that is never reachable because its guard can never hold', () => {
		const scenario = tinyScenario();
		scenario.endings.push({ id: 'never', outcome: 'failure', title: 'Never', say: 'x', summary: 'x' });
		scenario.beats[9].choices[0].branches.unshift({ when: { score: { min: 1000 } }, next: 'never' });
		expect(checkScenario(scenario).problems).toEqual(['endings.never: cannot be reached from "b1"']);
	});

	it('scores against the maximum, floors the percent at zero and marks mistakes with the better reply', () => {
		const scenario = tinyScenario();
		const analysis = analyse(scenario);
		const run = replay(compileScenario(scenario), [{ type: 'reply.timeout' }, ...Array.from({ length: 8 }, () => choose('bad')), choose('push')]);
		expect(run.ok).toBe(true);
		const result = resultOf(scenario, analysis, run.snapshot.context);
		expect(result.total).toBe(-2 - 8 - 1);
		expect(result.percent).toBe(0);
		expect(result.passed).toBe(false);
		const steps = debriefSteps(scenario, run.snapshot.context.path);
		expect(steps).toHaveLength(10);
		expect(steps[0]).toMatchObject({ choice: null, mistake: true, points: -2 });
		expect(steps[0].better?.id).toBe('good');
		expect(steps.every((s) => s.mistake)).toBe(true);

		const best = replay(compileScenario(scenario), analysis.bestPath.map((s) => choose(s.choiceId!)));
		const top = resultOf(scenario, analysis, best.snapshot.context);
		expect(top).toMatchObject({ total: 31, percent: 100, passed: true });
		expect(debriefSteps(scenario, best.snapshot.context.path).some((s) => s.mistake)).toBe(false);
		expect(bestChoice(scenario.beats[9]).id).toBe('close');
	});
});
