import { fail } from '@sveltejs/kit';
import * as v from 'valibot';
import * as cohorts from '$lib/server/cohorts';
import { countingRules } from '$lib/server/db/schema';
import { plural, translate, type MessageKey } from '$lib/i18n';
import { email, message, plainText, textFields, validate } from '$lib/server/forms';
import { assignable, targetTitle } from '$lib/server/targets';
import { triosOfCohort } from '$lib/server/trios';
import { cohortAccess } from './access';

export async function load(event) {
	const { cohort } = await cohortAccess(event);
	const [members, trainers, invites, assignments, trios] = await Promise.all([
		cohorts.membersOf(cohort.id),
		cohorts.trainersOf(cohort.id),
		cohorts.invitesOf(cohort.id),
		cohorts.assignmentsOf([cohort.id]),
		triosOfCohort(cohort.id, event.locals.locale)
	]);
	const audience = await cohorts.audienceOf(assignments.map((a) => a.id));
	const now = Date.now();
	return {
		trios: trios.map((t) => ({ id: t.id, startedAt: t.startedAt, finished: Boolean(t.finishedAt), names: t.trainees.map((x) => x.name), done: t.rounds.filter((r) => r.score !== null).length })),
		cohort,
		members,
		trainers,
		origin: event.url.origin,
		joinLink: invites.find((i) => !i.email && i.expiresAt.getTime() > now) ?? null,
		invites: invites.filter((i) => i.email).map((i) => ({ ...i, expired: i.expiresAt.getTime() <= now })),
		assignments: assignments.map((a) => ({
			...a,
			title: targetTitle(a.kind, a.target, event.locals.locale),
			audience: audience.has(a.id) ? members.filter((m) => audience.get(a.id)!.has(m.id)).map((m) => m.name) : null
		})),
		targets: assignable(event.locals.locale)
	};
}

/** A whole number from a form field, `min`–`max`, with one message for every way it can be wrong. */
const whole = (min: number, max: number, key: MessageKey = 'form.between') => {
	const wrong = message(key, { min, max });
	return v.pipe(v.string(wrong), v.toNumber(wrong), v.integer(wrong), v.minValue(min, wrong), v.maxValue(max, wrong));
};
const days = whole(1, 90, 'form.daysBetween');
const choice = <const T extends readonly string[]>(options: T) => v.picklist(options, message('form.choose'));
// isoDate checks the pattern only: 2026-02-31 would be stored as 3 March, and year 0 fails the insert.
// (A pipe runs every check, so this one sees strings isoDate refused too.)
function realDay(s: string) {
	const day = new Date(`${s}T00:00:00Z`);
	return /^\d{4}-\d{2}-\d{2}$/.test(s) && s >= '2000-01-01' && s <= '2100-12-31' && !Number.isNaN(day.getTime()) && day.toISOString().startsWith(s);
}

const Assign = v.object({
	target: v.string(),
	due: v.pipe(v.string(), v.isoDate(message('form.date')), v.check(realDay, message('form.date'))),
	audience: choice(['cohort', 'chosen']),
	mode: choice(['practice', 'assessment']),
	passMark: whole(1, 100),
	attempts: v.union([v.literal(''), whole(1, 50)], message('form.between', { min: 1, max: 50 })),
	counting: choice(countingRules)
});

export const actions = {
	rename: async (event) => {
		const { cohort } = await cohortAccess(event);
		const { name } = textFields(await event.request.formData(), ['name']);
		const parsed = validate(v.object({ name: plainText('field.cohortName', 100) }), { name }, event.locals.locale);
		if (!parsed.ok) return fail(400, { action: 'rename', errors: parsed.errors, name });
		await cohorts.renameCohort(cohort.id, parsed.data.name);
		return { action: 'rename', message: translate(event.locals.locale, 'cohort.renamed') };
	},
	archive: async (event) => {
		const { cohort } = await cohortAccess(event);
		await cohorts.setArchived(cohort.id, !cohort.archivedAt);
		return { action: 'archive', message: translate(event.locals.locale, cohort.archivedAt ? 'cohort.restored' : 'cohort.archivedNow') };
	},
	link: async (event) => {
		const { cohort } = await cohortAccess(event);
		const fields = textFields(await event.request.formData(), ['days']);
		const parsed = validate(v.object({ days }), fields, event.locals.locale);
		if (!parsed.ok) return fail(400, { action: 'link', errors: parsed.errors });
		await cohorts.newJoinLink(cohort.id, parsed.data.days);
		return { action: 'link', message: translate(event.locals.locale, 'cohort.linkCreated') };
	},
	invite: async (event) => {
		const { cohort } = await cohortAccess(event);
		const locale = event.locals.locale;
		const fields = textFields(await event.request.formData(), ['emails', 'days']);
		const list = [...new Set(fields.emails.split(/[\s,;]+/).map((e) => e.trim().toLowerCase()).filter(Boolean))];
		const bad = list.filter((e) => !v.is(email, e));
		const errors: Record<string, string> = {};
		if (list.length === 0) errors.emails = translate(locale, 'cohort.emailsNone');
		else if (list.length > 200) errors.emails = translate(locale, 'cohort.emailsTooMany', { max: 200 });
		else if (bad.length) errors.emails = translate(locale, 'cohort.emailsBad', { list: `${bad.slice(0, 5).join(', ')}${bad.length > 5 ? '…' : ''}` });
		const parsedDays = validate(v.object({ days }), { days: fields.days }, locale);
		if (!parsedDays.ok) Object.assign(errors, parsedDays.errors);
		if (Object.keys(errors).length || !parsedDays.ok) return fail(400, { action: 'invite', errors, emails: fields.emails });
		await cohorts.inviteEmails(cohort.id, list, parsedDays.data.days);
		return { action: 'invite', message: plural(locale, 'cohort.invitesReady', list.length) };
	},
	revoke: async (event) => {
		const { cohort } = await cohortAccess(event);
		const { inviteId } = textFields(await event.request.formData(), ['inviteId']);
		if (!(await cohorts.revokeInvite(cohort.id, inviteId)))
			return fail(404, { action: 'revoke', message: translate(event.locals.locale, 'cohort.noInvite') });
		return { action: 'revoke', message: translate(event.locals.locale, 'cohort.withdrawn') };
	},
	remove: async (event) => {
		const { cohort } = await cohortAccess(event);
		const { userId } = textFields(await event.request.formData(), ['userId']);
		if (!(await cohorts.removeMember(cohort.id, userId)))
			return fail(404, { action: 'remove', message: translate(event.locals.locale, 'cohort.notMember') });
		return { action: 'remove', message: translate(event.locals.locale, 'cohort.removed') };
	},
	trainer: async (event) => {
		const { cohort } = await cohortAccess(event);
		const fields = textFields(await event.request.formData(), ['email']);
		const parsed = validate(v.object({ email }), fields, event.locals.locale);
		if (!parsed.ok) return fail(400, { action: 'trainer', errors: parsed.errors, trainerEmail: fields.email });
		if (!(await cohorts.addCoTrainer(cohort.id, parsed.data.email)))
			return fail(400, { action: 'trainer', errors: { email: translate(event.locals.locale, 'cohort.noTrainerAccount') }, trainerEmail: fields.email });
		return { action: 'trainer', message: translate(event.locals.locale, 'cohort.coTrainerAdded') };
	},
	assign: async (event) => {
		const { cohort } = await cohortAccess(event);
		const locale = event.locals.locale;
		const form = await event.request.formData();
		const fields = textFields(form, ['target', 'due', 'audience', 'mode', 'passMark', 'attempts', 'counting']);
		const trainees = form.getAll('trainees').filter((t): t is string => typeof t === 'string');
		const echo = { ...fields, trainees };
		const parsed = validate(
			Assign,
			{ mode: 'practice', passMark: '70', counting: 'best', attempts: '', ...Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== '')) },
			locale
		);
		const errors: Record<string, string> = parsed.ok ? {} : { ...parsed.errors };
		const target = assignable(locale).find((t) => `${t.kind}:${t.slug}` === fields.target);
		if (!target) errors.target = translate(locale, 'cohort.chooseTarget');
		if (parsed.ok && parsed.data.audience === 'chosen' && trainees.length === 0) errors.trainees = translate(locale, 'cohort.chooseTrainees');
		if (!parsed.ok || !target || Object.keys(errors).length) return fail(400, { action: 'assign', errors, values: echo });

		const d = parsed.data;
		const simulation = target.kind === 'simulation';
		const id = await cohorts.createAssignment(cohort.id, {
			kind: target.kind,
			target: target.slug,
			// Due at the end of the chosen day (UTC).
			dueAt: new Date(`${d.due}T23:59:59Z`),
			mode: simulation ? d.mode : null,
			passMark: simulation ? d.passMark : null,
			attemptsAllowed: simulation && d.attempts !== '' ? d.attempts : null,
			counting: simulation ? d.counting : null,
			trainees: d.audience === 'chosen' ? trainees : []
		});
		if (!id) return fail(400, { action: 'assign', errors: { trainees: translate(locale, 'cohort.traineesNotInCohort') }, values: echo });
		return { action: 'assign', message: translate(locale, 'cohort.assigned', { title: target.title }) };
	},
	unassign: async (event) => {
		const { cohort } = await cohortAccess(event);
		const { assignmentId } = textFields(await event.request.formData(), ['assignmentId']);
		if (!(await cohorts.deleteAssignment(cohort.id, assignmentId)))
			return fail(404, { action: 'unassign', message: translate(event.locals.locale, 'cohort.noAssignment') });
		return { action: 'unassign', message: translate(event.locals.locale, 'cohort.unassigned') };
	}
};
