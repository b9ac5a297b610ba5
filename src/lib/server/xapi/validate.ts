// The xAPI 1.0.3 statement rules this app relies on (Data section 2.4), as a checker for tests
// and for the LRS stand-in. Returns the rules broken, empty when the statement is valid.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
const IRI = /^[a-z][a-z0-9+.-]*:[^\s]+$/i;
const ISO8601 = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/;
const LANG = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
const DURATION = /^P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?$/;
const INTERACTIONS = ['true-false', 'choice', 'fill-in', 'long-fill-in', 'matching', 'performance', 'sequencing', 'likert', 'numeric', 'other'];

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

function extensions(value: unknown, where: string, problems: string[]) {
	if (value === undefined) return;
	if (!isObject(value)) return problems.push(`${where} must be an object`);
	for (const key of Object.keys(value)) if (!IRI.test(key)) problems.push(`${where} key "${key}" must be an IRI`);
}

function languageMap(value: unknown, where: string, problems: string[]) {
	if (!isObject(value) || Object.keys(value).length === 0) return problems.push(`${where} must be a non-empty language map`);
	for (const [tag, text] of Object.entries(value)) {
		if (!LANG.test(tag)) problems.push(`${where} has an invalid language tag "${tag}"`);
		if (typeof text !== 'string') problems.push(`${where}.${tag} must be a string`);
	}
}

function activity(value: unknown, where: string, problems: string[]) {
	if (!isObject(value)) return problems.push(`${where} must be an object`);
	if (value.objectType !== undefined && value.objectType !== 'Activity') problems.push(`${where}.objectType must be "Activity"`);
	if (typeof value.id !== 'string' || !IRI.test(value.id)) problems.push(`${where}.id must be an IRI`);
	const definition = value.definition;
	if (definition === undefined) return;
	if (!isObject(definition)) return problems.push(`${where}.definition must be an object`);
	if (definition.name !== undefined) languageMap(definition.name, `${where}.definition.name`, problems);
	if (definition.description !== undefined) languageMap(definition.description, `${where}.definition.description`, problems);
	if (definition.type !== undefined && (typeof definition.type !== 'string' || !IRI.test(definition.type))) problems.push(`${where}.definition.type must be an IRI`);
	if (definition.interactionType !== undefined && !INTERACTIONS.includes(definition.interactionType as string))
		problems.push(`${where}.definition.interactionType is not an xAPI interaction type`);
	if (definition.choices !== undefined) {
		if (definition.interactionType !== 'choice' && definition.interactionType !== 'sequencing') problems.push(`${where}.definition.choices needs a choice interaction`);
		if (!Array.isArray(definition.choices)) problems.push(`${where}.definition.choices must be an array`);
		else for (const [i, c] of definition.choices.entries()) {
			if (!isObject(c) || typeof c.id !== 'string' || /\s/.test(c.id)) problems.push(`${where}.definition.choices[${i}].id must be a string without spaces`);
			if (isObject(c)) languageMap(c.description, `${where}.definition.choices[${i}].description`, problems);
		}
	}
}

export function statementProblems(s: unknown): string[] {
	const problems: string[] = [];
	if (!isObject(s)) return ['statement must be an object'];
	const allowed = ['id', 'actor', 'verb', 'object', 'result', 'context', 'timestamp', 'stored', 'authority', 'version', 'attachments'];
	for (const key of Object.keys(s)) if (!allowed.includes(key)) problems.push(`unknown property "${key}"`);
	if (s.id !== undefined && (typeof s.id !== 'string' || !UUID.test(s.id))) problems.push('id must be a UUID');

	const actor = s.actor;
	if (!isObject(actor)) problems.push('actor is required');
	else {
		const ifis = ['mbox', 'mbox_sha1sum', 'openid', 'account'].filter((k) => actor[k] !== undefined);
		if (ifis.length !== 1) problems.push('actor must have exactly one inverse functional identifier');
		if (actor.account !== undefined) {
			const account = actor.account;
			if (!isObject(account) || typeof account.homePage !== 'string' || !IRI.test(account.homePage) || typeof account.name !== 'string' || !account.name)
				problems.push('actor.account needs an IRL homePage and a name');
		}
	}

	const verb = s.verb;
	if (!isObject(verb) || typeof verb.id !== 'string' || !IRI.test(verb.id)) problems.push('verb.id must be an IRI');
	else if (verb.display !== undefined) languageMap(verb.display, 'verb.display', problems);

	activity(s.object, 'object', problems);

	const result = s.result;
	if (result !== undefined) {
		if (!isObject(result)) problems.push('result must be an object');
		else {
			for (const k of ['success', 'completion'] as const) if (result[k] !== undefined && typeof result[k] !== 'boolean') problems.push(`result.${k} must be a boolean`);
			if (result.response !== undefined && typeof result.response !== 'string') problems.push('result.response must be a string');
			if (result.duration !== undefined && (typeof result.duration !== 'string' || !DURATION.test(result.duration))) problems.push('result.duration must be an ISO 8601 duration');
			extensions(result.extensions, 'result.extensions', problems);
			const score = result.score;
			if (score !== undefined) {
				if (!isObject(score)) problems.push('result.score must be an object');
				else {
					const { scaled, raw, min, max } = score as Record<string, number | undefined>;
					if (scaled !== undefined && (typeof scaled !== 'number' || scaled < -1 || scaled > 1)) problems.push('result.score.scaled must be between -1 and 1');
					if (min !== undefined && max !== undefined && min >= max) problems.push('result.score.min must be less than max');
					if (raw !== undefined && ((min !== undefined && raw < min) || (max !== undefined && raw > max))) problems.push('result.score.raw must lie between min and max');
				}
			}
		}
	}

	const context = s.context;
	if (context !== undefined) {
		if (!isObject(context)) problems.push('context must be an object');
		else {
			if (context.registration !== undefined && (typeof context.registration !== 'string' || !UUID.test(context.registration))) problems.push('context.registration must be a UUID');
			if (context.language !== undefined && (typeof context.language !== 'string' || !LANG.test(context.language))) problems.push('context.language must be a language tag');
			extensions(context.extensions, 'context.extensions', problems);
			const activities = context.contextActivities;
			if (activities !== undefined) {
				if (!isObject(activities)) problems.push('context.contextActivities must be an object');
				else
					for (const [kind, list] of Object.entries(activities)) {
						if (!['parent', 'grouping', 'category', 'other'].includes(kind)) problems.push(`context.contextActivities.${kind} is not allowed`);
						for (const [i, a] of (Array.isArray(list) ? list : [list]).entries()) activity(a, `context.contextActivities.${kind}[${i}]`, problems);
					}
			}
		}
	}

	if (s.timestamp !== undefined && (typeof s.timestamp !== 'string' || !ISO8601.test(s.timestamp))) problems.push('timestamp must be ISO 8601 with a time zone');
	if (s.version !== undefined && (typeof s.version !== 'string' || !/^1\.0(\.\d+)?$/.test(s.version))) problems.push('version must be 1.0.x');
	return problems;
}
