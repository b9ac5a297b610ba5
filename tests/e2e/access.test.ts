import { expect, test, type APIRequestContext } from '@playwright/test';
import { apiAs, demo } from './helpers';

// Who may call what. Each row is a route or an action and the answer each kind of caller gets:
// 'ok' (2xx), 'sign-in' (sent to sign in), 403 (signed in, wrong role), 404 (not theirs: the same
// answer as for something that does not exist).
type Who = 'anonymous' | 'trainee' | 'otherTrainer' | 'trainer' | 'admin';
type Expect = 'ok' | 'sign-in' | 403 | 404;

let cohort = '';
let trainee = '';
const clients = {} as Record<Who, APIRequestContext>;

test.beforeAll(async ({ playwright, baseURL }) => {
	clients.anonymous = await apiAs(playwright.request, baseURL!);
	clients.trainee = await apiAs(playwright.request, baseURL!, demo.wei);
	clients.trainer = await apiAs(playwright.request, baseURL!, demo.trainer);
	clients.admin = await apiAs(playwright.request, baseURL!, demo.admin);

	// A trainer who runs a cohort of their own but not the demo one.
	const email = `other-${Date.now()}@example.com`;
	const newcomer = await apiAs(playwright.request, baseURL!);
	const signup = await newcomer.post('/sign-up', { form: { name: 'Other', email, password: 'other trainer pass' }, maxRedirects: 0 });
	expect(signup.status()).toBe(303);
	await newcomer.dispose();
	const users = await (await clients.admin.get('/admin/users')).text();
	// The role form follows the address in the same table row.
	const userId = /name="userId" value="([0-9a-f-]{36})"/.exec(users.slice(users.indexOf(email)))?.[1];
	expect(userId).toBeTruthy();
	expect((await clients.admin.post('/admin/users?/role', { form: { userId: userId!, role: 'trainer' } })).status()).toBe(200);
	clients.otherTrainer = await apiAs(playwright.request, baseURL!, { email, password: 'other trainer pass' });
	await clients.otherTrainer.post('/trainer?/create', { form: { name: 'Other cohort' }, maxRedirects: 0 });

	// The demo cohort by name: earlier tests may have given the demo trainer cohorts of their own.
	cohort = /href="\/trainer\/cohorts\/([0-9a-f-]{36})">Demo cohort: showroom team</.exec(await (await clients.trainer.get('/trainer')).text())![1];
	trainee = /href="\/trainer\/cohorts\/[0-9a-f-]{36}\/trainees\/([0-9a-f-]{36})"/.exec(await (await clients.trainer.get(`/trainer/cohorts/${cohort}`)).text())![1];
});

test.afterAll(async () => {
	for (const client of Object.values(clients)) await client.dispose();
});

const pages: [string, Record<Who, Expect>][] = [
	['/', { anonymous: 'ok', trainee: 'ok', otherTrainer: 'ok', trainer: 'ok', admin: 'ok' }],
	['/lessons', { anonymous: 'sign-in', trainee: 'ok', otherTrainer: 'ok', trainer: 'ok', admin: 'ok' }],
	['/lessons/time-management', { anonymous: 'sign-in', trainee: 'ok', otherTrainer: 'ok', trainer: 'ok', admin: 'ok' }],
	['/lessons/time-management/check', { anonymous: 'sign-in', trainee: 'ok', otherTrainer: 'ok', trainer: 'ok', admin: 'ok' }],
	['/account', { anonymous: 'sign-in', trainee: 'ok', otherTrainer: 'ok', trainer: 'ok', admin: 'ok' }],
	['/trainer', { anonymous: 'sign-in', trainee: 403, otherTrainer: 'ok', trainer: 'ok', admin: 'ok' }],
	['/trainer/cohorts/{cohort}', { anonymous: 'sign-in', trainee: 403, otherTrainer: 404, trainer: 'ok', admin: 'ok' }],
	['/trainer/cohorts/{cohort}/report', { anonymous: 'sign-in', trainee: 403, otherTrainer: 404, trainer: 'ok', admin: 'ok' }],
	['/trainer/cohorts/{cohort}/report.csv', { anonymous: 'sign-in', trainee: 403, otherTrainer: 404, trainer: 'ok', admin: 'ok' }],
	['/trainer/cohorts/{cohort}/xapi.json', { anonymous: 'sign-in', trainee: 403, otherTrainer: 404, trainer: 'ok', admin: 'ok' }],
	['/trainer/cohorts/{cohort}/trainees/{trainee}', { anonymous: 'sign-in', trainee: 403, otherTrainer: 404, trainer: 'ok', admin: 'ok' }],
	['/trainer/cohorts/{cohort}/attempts.csv', { anonymous: 'sign-in', trainee: 403, otherTrainer: 404, trainer: 'ok', admin: 'ok' }],
	['/simulations', { anonymous: 'sign-in', trainee: 'ok', otherTrainer: 'ok', trainer: 'ok', admin: 'ok' }],
	['/simulations/complaint-new-car/diagram', { anonymous: 'sign-in', trainee: 403, otherTrainer: 'ok', trainer: 'ok', admin: 'ok' }],
	['/self-checks', { anonymous: 'sign-in', trainee: 'ok', otherTrainer: 'ok', trainer: 'ok', admin: 'ok' }],
	['/trios/new', { anonymous: 'sign-in', trainee: 'ok', otherTrainer: 'ok', trainer: 'ok', admin: 'ok' }],
	['/admin/users', { anonymous: 'sign-in', trainee: 403, otherTrainer: 403, trainer: 403, admin: 'ok' }]
];

// Actions are posted with harmless or invalid values: what matters is who gets past the door.
const actions: [string, Record<string, string>, Record<Who, Expect | 'refused'>][] = [
	['/trainer?/create', { name: '' }, { anonymous: 'sign-in', trainee: 403, otherTrainer: 'refused', trainer: 'refused', admin: 'refused' }],
	['/trainer/cohorts/{cohort}?/rename', { name: '' }, { anonymous: 'sign-in', trainee: 403, otherTrainer: 404, trainer: 'refused', admin: 'refused' }],
	['/trainer/cohorts/{cohort}?/remove', { userId: 'nobody' }, { anonymous: 'sign-in', trainee: 403, otherTrainer: 404, trainer: 404, admin: 404 }],
	['/trainer/cohorts/{cohort}?/assign', { target: 'nothing' }, { anonymous: 'sign-in', trainee: 403, otherTrainer: 404, trainer: 'refused', admin: 'refused' }],
	['/trainer/cohorts/{cohort}?/invite', { emails: '' }, { anonymous: 'sign-in', trainee: 403, otherTrainer: 404, trainer: 'refused', admin: 'refused' }],
	['/admin/users?/role', { userId: 'x', role: 'nope' }, { anonymous: 'sign-in', trainee: 403, otherTrainer: 403, trainer: 403, admin: 'refused' }],
	['/lessons/time-management?/read', { section: 'nope' }, { anonymous: 'sign-in', trainee: 404, otherTrainer: 404, trainer: 404, admin: 404 }],
	['/account?/password', { current: '', next: '' }, { anonymous: 'sign-in', trainee: 'refused', otherTrainer: 'refused', trainer: 'refused', admin: 'refused' }],
	['/trainer/cohorts/{cohort}/trainees/{trainee}?/override', { assignmentId: 'x', attempts: 'lots' }, { anonymous: 'sign-in', trainee: 403, otherTrainer: 404, trainer: 'refused', admin: 'refused' }],
	// The trainee belongs to the demo cohort, and trainees start trios in their own cohorts.
	['/trios/new', { cohort: '{cohort}', minutes: '60' }, { anonymous: 'sign-in', trainee: 'refused', otherTrainer: 404, trainer: 'refused', admin: 'refused' }]
];

const fill = (path: string) => path.replace('{cohort}', cohort).replace('{trainee}', trainee);

function verdict(status: number, location: string | undefined): Expect | 'refused' | number {
	if (status === 303 && location?.startsWith('/sign-in')) return 'sign-in';
	if (status >= 200 && status < 300) return 'ok';
	if (status === 400) return 'refused';
	return status;
}

for (const [path, expected] of pages)
	test(`GET ${path}`, async () => {
		for (const who of Object.keys(expected) as Who[]) {
			const response = await clients[who].get(fill(path), { maxRedirects: 0 });
			expect(verdict(response.status(), response.headers().location), `${who} → ${path}`).toBe(expected[who]);
		}
	});

for (const [path, form, expected] of actions)
	test(`POST ${path}`, async () => {
		for (const who of Object.keys(expected) as Who[]) {
			const response = await clients[who].post(fill(path), { form: Object.fromEntries(Object.entries(form).map(([k, v]) => [k, fill(v)])), maxRedirects: 0 });
			expect(verdict(response.status(), response.headers().location), `${who} → ${path}`).toBe(expected[who]);
		}
	});

test('the demo cohort is unchanged after all of that', async () => {
	const page = await (await clients.trainer.get(`/trainer/cohorts/${cohort}`)).text();
	expect(page).toContain('Demo cohort: showroom team');
	expect(page).toContain('Mina Park');
});
