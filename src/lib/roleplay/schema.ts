// The scenario file format (content/README.md, "Role-play scenarios"). Pure: shared by the
// browser player, the server replay and `npm run content:check`.
import * as v from 'valibot';

export const MOOD_MIN = -3;
export const MOOD_MAX = 3;

const id = v.pipe(v.string(), v.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be kebab-case'));
const text = v.pipe(v.string(), v.trim(), v.nonEmpty());
const integer = v.pipe(v.number(), v.integer());
const moodValue = v.pipe(integer, v.minValue(MOOD_MIN), v.maxValue(MOOD_MAX));
const lessonRef = v.pipe(
	v.string(),
	v.regex(/^[a-z0-9-]+#[a-z0-9-]+$/, 'must be a lesson slug and section anchor, like handling-complaints#six-steps')
);

const Range = (value: v.GenericSchema<number, number>) =>
	v.pipe(
		v.strictObject({ min: v.optional(value), max: v.optional(value) }),
		v.check((r) => r.min !== undefined || r.max !== undefined, 'needs min or max'),
		v.check((r) => r.min === undefined || r.max === undefined || r.min <= r.max, 'min must not exceed max')
	);

export const When = v.pipe(
	v.strictObject({
		mood: v.optional(Range(moodValue)),
		score: v.optional(Range(integer)),
		flags: v.optional(v.array(id)),
		notFlags: v.optional(v.array(id))
	}),
	v.check((w) => Object.values(w).some((x) => x !== undefined), 'a condition needs mood, score, flags or notFlags')
);

const Branch = v.strictObject({ when: When, next: id });

// What a reply (or silence) does; shared by choices and timeouts.
const outcomeFields = {
	effects: v.record(id, integer),
	mood: v.optional(v.pipe(integer, v.minValue(-6), v.maxValue(6)), 0),
	flags: v.optional(v.array(id), []),
	feedback: text,
	lesson: lessonRef,
	next: id,
	branches: v.optional(v.array(Branch), [])
};

export const Choice = v.strictObject({ id, text, ...outcomeFields });
export const Timeout = v.strictObject(outcomeFields);

export const Beat = v.pipe(
	v.strictObject({
		id,
		say: text,
		note: v.optional(text),
		timer: v.optional(v.pipe(integer, v.minValue(5), v.maxValue(120))),
		timeout: v.optional(Timeout),
		choices: v.pipe(v.array(Choice), v.minLength(2, 'needs 2–4 choices'), v.maxLength(4, 'needs 2–4 choices'))
	}),
	v.check((b) => (b.timer === undefined) === (b.timeout === undefined), 'a timer needs a timeout and a timeout needs a timer'),
	v.check((b) => new Set(b.choices.map((c) => c.id)).size === b.choices.length, 'choice ids must be unique within a beat')
);

export const outcomes = ['success', 'partial', 'failure'] as const;
export const kinds = ['complaint', 'call', 'objection'] as const;
export const customerTypes = ['knowledge', 'lively', 'quiet', 'rational', 'emotional', 'bargain-hunting'] as const;

export const Ending = v.strictObject({
	id,
	outcome: v.picklist(outcomes),
	title: text,
	say: text,
	summary: text
});

export const Scenario = v.strictObject({
	slug: id,
	kind: v.picklist(kinds),
	title: text,
	summary: text,
	lesson: id,
	minutes: v.pipe(integer, v.minValue(1), v.maxValue(120)),
	passMark: v.pipe(integer, v.minValue(1), v.maxValue(100)),
	brief: text,
	customer: v.strictObject({
		name: text,
		situation: text,
		mood: moodValue,
		type: v.optional(v.picklist(customerTypes))
	}),
	rubric: v.pipe(
		v.array(v.strictObject({ id, label: text, description: text })),
		v.minLength(4, 'needs 4–6 dimensions'),
		v.maxLength(6, 'needs 4–6 dimensions')
	),
	start: id,
	beats: v.pipe(v.array(Beat), v.minLength(1)),
	endings: v.pipe(v.array(Ending), v.minLength(1))
});

export type When = v.InferOutput<typeof When>;
export type Choice = v.InferOutput<typeof Choice>;
export type Timeout = v.InferOutput<typeof Timeout>;
export type Beat = v.InferOutput<typeof Beat>;
export type Ending = v.InferOutput<typeof Ending>;
export type Scenario = v.InferOutput<typeof Scenario>;
export type ScenarioKind = Scenario['kind'];
export type Outcome = Ending['outcome'];
/** A choice or a timeout: what one step of the conversation does. */
export type Reply = Choice | Timeout;

export const totalOf = (effects: Record<string, number>) => Object.values(effects).reduce((sum, n) => sum + n, 0);

export const issuesText = (issues: v.BaseIssue<unknown>[]) =>
	issues.map((i) => `${v.getDotPath(i) ?? '(top)'}: ${i.message}`).join('; ');

/** Parses a scenario object (already read from YAML); problems as readable strings. */
export function parseScenario(input: unknown) {
	const result = v.safeParse(Scenario, input);
	return result.success
		? { ok: true as const, scenario: result.output }
		: { ok: false as const, problems: result.issues.map((i) => `${v.getDotPath(i) ?? '(top)'}: ${i.message}`) };
}
