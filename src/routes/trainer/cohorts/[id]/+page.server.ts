import { fail } from '@sveltejs/kit';
import * as v from 'valibot';
import * as cohorts from '$lib/server/cohorts';
import { countingRules } from '$lib/server/db/schema';
import { email, plainText, textFields, validate } from '$lib/server/forms';
import { assignable, targetTitle } from '$lib/server/targets';
import { cohortAccess } from './access';

export async function load(event) {
	const { cohort } = await cohortAccess(event);
	const [members, trainers, invites, assignments] = await Promise.all([
		cohorts.membersOf(cohort.id),
		cohorts.trainersOf(cohort.id),
		cohorts.invitesOf(cohort.id),
		cohorts.assignmentsOf([cohort.id])
	]);
	const audience = await cohorts.audienceOf(assignments.map((a) => a.id));
	const now = Date.now();
	return {
		cohort,
		members,
		trainers,
		origin: event.url.origin,
		joinLink: invites.find((i) => !i.email && i.expiresAt.getTime() > now) ?? null,
		invites: invites.filter((i) => i.email).map((i) => ({ ...i, expired: i.expiresAt.getTime() <= now })),
		assignments: assignments.map((a) => ({
			...a,
			title: targetTitle(a.kind, a.target),
			audience: audience.has(a.id) ? members.filter((m) => audience.get(a.id)!.has(m.id)).map((m) => m.name) : null
		})),
		targets: assignable()
	};
}

const days = v.pipe(v.string(), v.toNumber(), v.integer(), v.minValue(1, 'At least 1 day.'), v.maxValue(90, 'At most 90 days.'));

const Assign = v.object({
	target: v.string(),
	due: v.pipe(v.string(), v.isoDate('Choose a due date.')),
	audience: v.picklist(['cohort', 'chosen']),
	mode: v.picklist(['practice', 'assessment']),
	passMark: v.pipe(v.string(), v.toNumber(), v.integer(), v.minValue(1, 'Between 1 and 100.'), v.maxValue(100, 'Between 1 and 100.')),
	attempts: v.union([v.literal(''), v.pipe(v.string(), v.toNumber(), v.integer(), v.minValue(1, 'At least 1.'), v.maxValue(50, 'At most 50.'))]),
	counting: v.picklist(countingRules)
});

export const actions = {
	rename: async (event) => {
		const { cohort } = await cohortAccess(event);
		const { name } = textFields(await event.request.formData(), ['name']);
		const parsed = validate(v.object({ name: plainText('cohort name', 100) }), { name });
		if (!parsed.ok) return fail(400, { action: 'rename', errors: parsed.errors, name });
		await cohorts.renameCohort(cohort.id, parsed.data.name);
		return { action: 'rename', message: 'Cohort renamed.' };
	},
	archive: async (event) => {
		const { cohort } = await cohortAccess(event);
		await cohorts.setArchived(cohort.id, !cohort.archivedAt);
		return { action: 'archive', message: cohort.archivedAt ? 'Cohort restored.' : 'Cohort archived. Its trainees no longer see its assignments.' };
	},
	link: async (event) => {
		const { cohort } = await cohortAccess(event);
		const fields = textFields(await event.request.formData(), ['days']);
		const parsed = validate(v.object({ days }), fields);
		if (!parsed.ok) return fail(400, { action: 'link', errors: parsed.errors });
		await cohorts.newJoinLink(cohort.id, parsed.data.days);
		return { action: 'link', message: 'New join link created; the previous one no longer works.' };
	},
	invite: async (event) => {
		const { cohort } = await cohortAccess(event);
		const fields = textFields(await event.request.formData(), ['emails', 'days']);
		const list = [...new Set(fields.emails.split(/[\s,;]+/).map((e) => e.trim().toLowerCase()).filter(Boolean))];
		const bad = list.filter((e) => !v.is(email, e));
		const errors: Record<string, string> = {};
		if (list.length === 0) errors.emails = 'Enter at least one e-mail address.';
		else if (list.length > 200) errors.emails = 'Invite at most 200 addresses at a time.';
		else if (bad.length) errors.emails = `These are not valid e-mail addresses: ${bad.slice(0, 5).join(', ')}${bad.length > 5 ? '…' : ''}`;
		const parsedDays = validate(v.object({ days }), { days: fields.days });
		if (!parsedDays.ok) Object.assign(errors, parsedDays.errors);
		if (Object.keys(errors).length || !parsedDays.ok) return fail(400, { action: 'invite', errors, emails: fields.emails });
		await cohorts.inviteEmails(cohort.id, list, parsedDays.data.days);
		return { action: 'invite', message: `${list.length} invitation${list.length === 1 ? '' : 's'} ready. Send each person their link below.` };
	},
	revoke: async (event) => {
		const { cohort } = await cohortAccess(event);
		const { inviteId } = textFields(await event.request.formData(), ['inviteId']);
		if (!(await cohorts.revokeInvite(cohort.id, inviteId))) return fail(404, { action: 'revoke', message: 'That invitation does not exist.' });
		return { action: 'revoke', message: 'Invitation withdrawn.' };
	},
	remove: async (event) => {
		const { cohort } = await cohortAccess(event);
		const { userId } = textFields(await event.request.formData(), ['userId']);
		if (!(await cohorts.removeMember(cohort.id, userId))) return fail(404, { action: 'remove', message: 'That trainee is not in this cohort.' });
		return { action: 'remove', message: 'Trainee removed from the cohort. Their own work is kept.' };
	},
	trainer: async (event) => {
		const { cohort } = await cohortAccess(event);
		const fields = textFields(await event.request.formData(), ['email']);
		const parsed = validate(v.object({ email }), fields);
		if (!parsed.ok) return fail(400, { action: 'trainer', errors: parsed.errors, trainerEmail: fields.email });
		if (!(await cohorts.addCoTrainer(cohort.id, parsed.data.email)))
			return fail(400, { action: 'trainer', errors: { email: 'No trainer or admin account has this address.' }, trainerEmail: fields.email });
		return { action: 'trainer', message: 'Co-trainer added.' };
	},
	assign: async (event) => {
		const { cohort } = await cohortAccess(event);
		const form = await event.request.formData();
		const fields = textFields(form, ['target', 'due', 'audience', 'mode', 'passMark', 'attempts', 'counting']);
		const trainees = form.getAll('trainees').filter((t): t is string => typeof t === 'string');
		const echo = { ...fields, trainees };
		const parsed = validate(Assign, { mode: 'practice', passMark: '70', counting: 'best', attempts: '', ...Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== '')) });
		const errors: Record<string, string> = parsed.ok ? {} : { ...parsed.errors };
		const target = assignable().find((t) => `${t.kind}:${t.slug}` === fields.target);
		if (!target) errors.target = 'Choose what to assign.';
		if (parsed.ok && parsed.data.audience === 'chosen' && trainees.length === 0) errors.trainees = 'Choose at least one trainee, or assign to the whole cohort.';
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
		if (!id) return fail(400, { action: 'assign', errors: { trainees: 'Those trainees are not in this cohort.' }, values: echo });
		return { action: 'assign', message: `Assigned “${target.title}”.` };
	},
	unassign: async (event) => {
		const { cohort } = await cohortAccess(event);
		const { assignmentId } = textFields(await event.request.formData(), ['assignmentId']);
		if (!(await cohorts.deleteAssignment(cohort.id, assignmentId))) return fail(404, { action: 'unassign', message: 'That assignment does not exist.' });
		return { action: 'unassign', message: 'Assignment removed.' };
	}
};
