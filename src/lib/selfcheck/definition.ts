// The shape of a self-check form file (`content/forms/<slug>.<locale>.yaml`). Pure and
// Svelte-free: the server validates content with it, the browser only imports its types.
import * as v from 'valibot';
import type { MessageKey } from '$lib/i18n';

const id = v.pipe(v.string(), v.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be kebab-case'));
const text = v.pipe(v.string(), v.trim(), v.nonEmpty());
/** `lesson-slug#anchor`: the lesson section that helps with an item. */
const lessonRef = v.pipe(v.string(), v.regex(/^[a-z0-9-]+#[a-z0-9-]+$/, 'must be "lesson-slug#anchor"'));
const fraction = v.pipe(v.number(), v.minValue(0), v.maxValue(1));

const common = {
	id,
	prompt: text,
	hint: v.optional(text),
	/** The lesson section that helps; scored items need one (their own or their section's). */
	lesson: v.optional(lessonRef),
	/** One sentence of advice, shown when this item is among the weakest. */
	advice: v.optional(text),
	weight: v.optional(v.pipe(v.number(), v.minValue(0.5), v.maxValue(5)), 1),
	required: v.optional(v.boolean())
};

/** The five points of each Likert scale, lowest first, as catalogue keys: the words follow the interface language. */
export const scales = {
	frequency: ['selfCheck.scale.frequency.1', 'selfCheck.scale.frequency.2', 'selfCheck.scale.frequency.3', 'selfCheck.scale.frequency.4', 'selfCheck.scale.frequency.5'],
	extent: ['selfCheck.scale.extent.1', 'selfCheck.scale.extent.2', 'selfCheck.scale.extent.3', 'selfCheck.scale.extent.4', 'selfCheck.scale.extent.5'],
	quality: ['selfCheck.scale.quality.1', 'selfCheck.scale.quality.2', 'selfCheck.scale.quality.3', 'selfCheck.scale.quality.4', 'selfCheck.scale.quality.5']
} as const satisfies Record<string, readonly MessageKey[]>;
export type ScaleName = keyof typeof scales;

const Likert = v.object({
	...common,
	kind: v.literal('likert'),
	scale: v.optional(v.picklist(Object.keys(scales) as ScaleName[])),
	/** Agreeing is the bad habit ("A late customer wrecks my day"): Always scores 0. */
	reverse: v.optional(v.boolean(), false)
});

const YesNo = v.object({
	...common,
	kind: v.literal('yesno'),
	/** Offer "Not applicable" (e.g. "the line was never unclear"); it leaves the item out of the score. */
	na: v.optional(v.boolean(), false)
});

const NumberItem = v.object({
	...common,
	kind: v.literal('number'),
	min: v.number(),
	max: v.number(),
	integer: v.optional(v.boolean(), false),
	unit: v.optional(text),
	default: v.optional(v.number()),
	/** Optional scoring: the highest threshold reached gives its share of the weight. */
	thresholds: v.optional(v.array(v.object({ min: v.number(), score: fraction })))
});

const Choice = v.object({
	...common,
	kind: v.literal('choice'),
	/** A choice is scored when every option has a score (0–1 of the weight). */
	options: v.pipe(
		v.array(v.object({ id, label: text, score: v.optional(fraction) })),
		v.minLength(2),
		v.maxLength(8)
	)
});

const TextItem = v.object({
	...common,
	kind: v.literal('text'),
	maxLength: v.optional(v.pipe(v.number(), v.integer(), v.minValue(10), v.maxValue(2000)), 500),
	multiline: v.optional(v.boolean(), false),
	/** Required only when another item has one of these answers ("why not?" after "not reached"). */
	requiredWhen: v.optional(v.object({ item: id, in: v.pipe(v.array(id), v.minLength(1)) }))
});

export const Item = v.variant('kind', [Likert, YesNo, NumberItem, Choice, TextItem]);

const Section = v.object({
	id,
	title: text,
	intro: v.optional(text),
	lesson: v.optional(lessonRef),
	items: v.pipe(v.array(Item), v.minLength(1))
});

const Band = v.object({
	id,
	/** Lowest score (0–100) that falls in this band; bands are listed from low to high. */
	min: v.pipe(v.number(), v.minValue(0), v.maxValue(100)),
	label: text,
	interpretation: text
});

const PlanElement = v.object({ id, label: text, hint: v.optional(text), lesson: lessonRef });

const base = {
	slug: id,
	title: text,
	summary: text,
	minutes: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(60)),
	/** Place in the catalogue, lowest first. */
	order: v.optional(v.pipe(v.number(), v.integer()), 99),
	/** The lesson module the form belongs to. */
	lesson: id,
	intro: v.optional(text),
	/** Who fills it in: the learner about themselves, or an observer about someone else. */
	audience: v.optional(v.picklist(['self', 'observer']), 'self'),
	bands: v.pipe(
		v.array(Band),
		v.minLength(2),
		v.check((bands) => bands[0]?.min === 0, 'the first band must start at 0'),
		v.check((bands) => bands.every((b, i) => i === 0 || b.min > bands[i - 1].min), 'bands must rise from low to high')
	),
	/** How many of the weakest items to recommend. */
	recommend: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(6)), 3)
};

const Assessment = v.object({
	...base,
	kind: v.literal('assessment'),
	scale: v.optional(v.picklist(Object.keys(scales) as ScaleName[]), 'frequency'),
	sections: v.pipe(v.array(Section), v.minLength(1))
});

/** The calculator's four fields have fixed ids; the file gives their words and limits. */
export const hourValueFields = ['income', 'weekly-hours', 'days-per-week', 'idle-minutes'] as const;

const HourValue = v.object({
	...base,
	kind: v.literal('hour-value'),
	scale: v.optional(v.picklist(Object.keys(scales) as ScaleName[]), 'frequency'),
	sections: v.pipe(v.array(Section), v.length(1))
});

const DailyPlan = v.object({
	...base,
	kind: v.literal('daily-plan'),
	plan: v.object({
		maxBlocks: v.pipe(v.number(), v.integer(), v.minValue(4), v.maxValue(24)),
		/** Less slack than this (minutes, in the working day) earns a recommendation. */
		minSlack: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(240)),
		slackLesson: lessonRef,
		elements: v.pipe(v.array(PlanElement), v.minLength(3), v.maxLength(12)),
		/** Labels of the two tags that are not elements. */
		tags: v.object({ slack: text, other: text })
	})
});

export const FormDefinition = v.variant('kind', [Assessment, HourValue, DailyPlan]);

export type FormDefinition = v.InferOutput<typeof FormDefinition>;
export type Item = v.InferOutput<typeof Item>;
export type Section = v.InferOutput<typeof Section>;
export type Band = FormDefinition['bands'][number];
export type AssessmentForm = Extract<FormDefinition, { kind: 'assessment' }>;
export type HourValueForm = Extract<FormDefinition, { kind: 'hour-value' }>;
export type DailyPlanForm = Extract<FormDefinition, { kind: 'daily-plan' }>;
export type FormKind = FormDefinition['kind'];

/** Scored items count towards the total; text items and unscored choices are context. */
export function isScored(item: Item): boolean {
	if (item.kind === 'text') return false;
	if (item.kind === 'choice') return item.options.every((o) => o.score !== undefined);
	if (item.kind === 'number') return Boolean(item.thresholds?.length);
	return true;
}

/** Text is optional unless the file says otherwise; every other kind must be answered. */
export const isRequired = (item: Item) => item.required ?? item.kind !== 'text';

/** The band a score (0–100) falls in. */
export function bandFor(bands: Band[], score: number): Band {
	let found = bands[0];
	for (const band of bands) if (score >= band.min) found = band;
	return found;
}

/** `/lessons/slug#anchor` for a `slug#anchor` reference. */
export const lessonHref = (ref: string) => `/lessons/${ref}`;
