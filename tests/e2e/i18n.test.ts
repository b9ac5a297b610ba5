import AxeBuilder from '@axe-core/playwright';
import { readdirSync, readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { parse } from 'yaml';
import { uniqueEmail } from './helpers';

test('the browser’s language is used until the user chooses one, and the choice follows the account', async ({ browser }) => {
	const korean = await browser.newContext({ locale: 'ko-KR' });
	const page = await korean.newPage();
	await page.goto('/sign-in');
	await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
	await expect(page.getByRole('link', { name: '계정 만들기' })).toBeVisible();

	const account = { email: uniqueEmail('polyglot'), password: 'a fine long passphrase' };
	await page.goto('/sign-up');
	await page.locator('input[name=name]').fill('Min-jun');
	await page.locator('input[name=email]').fill(account.email);
	await page.locator('input[name=password]').fill(account.password);
	await page.locator('main form button').click();
	await expect(page.getByRole('button', { name: '로그아웃' })).toBeVisible();
	await expect(page.getByRole('navigation', { name: '주 메뉴' }).getByRole('link', { name: '학습' })).toBeVisible();

	await page.getByLabel('언어').selectOption('zh-CN');
	await page.getByRole('button', { name: '변경' }).click();
	await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
	await expect(page.getByRole('button', { name: '退出' })).toBeVisible();
	await korean.close();

	// Another browser that prefers English: the account's choice wins once signed in.
	const english = await browser.newContext({ locale: 'en-US' });
	const other = await english.newPage();
	await other.goto('/sign-in');
	await expect(other.locator('html')).toHaveAttribute('lang', 'en');
	await other.getByLabel('E-mail address').fill(account.email);
	await other.getByLabel('Password').fill(account.password);
	await other.getByRole('button', { name: 'Sign in' }).click();
	await expect(other.getByRole('button', { name: '退出' })).toBeVisible();
	await expect(other.locator('html')).toHaveAttribute('lang', 'zh-CN');
	await english.close();
});

test('an unknown locale value is ignored', async ({ page }) => {
	await page.goto('/sign-in');
	const response = await page.request.post('/locale', { form: { locale: 'xx', next: 'https://evil.example/' }, headers: { accept: 'text/html' }, maxRedirects: 0 });
	expect(response.status()).toBe(303);
	expect(response.headers().location).toBe('/');
	await page.goto('/sign-in');
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});

type Check = { questions: { id: string; prompt: string; options: { id: string; text: string; correct?: boolean }[] }[] };
const lessonFile = (folder: string, locale: string) => {
	const source = readFileSync(`content/lessons/${folder}/${locale}.md`, 'utf8');
	const front = parse(/^---\n([\s\S]*?)\n---\n/.exec(source)![1]) as { title: string };
	const sections = [...source.matchAll(/^## (.+?) \{#([a-z0-9-]+)\}$/gm)].map((m) => ({ title: m[1], id: m[2] }));
	const check = parse(readFileSync(`content/lessons/${folder}/check.${locale}.yaml`, 'utf8')) as Check;
	return { title: front.title, sections, check };
};

async function signUp(page: Page, prefix: string) {
	await page.goto('/sign-up');
	await page.locator('input[name=name]').fill('Lin');
	await page.locator('input[name=email]').fill(uniqueEmail(prefix));
	await page.locator('input[name=password]').fill('a fine long passphrase');
	await page.locator('main form button').click();
	await page.waitForURL('/');
}

test('a learner switches to Chinese and reads a module and takes its check in Chinese', async ({ page }) => {
	const zh = lessonFile('05-customer-funnel', 'zh-CN');
	await signUp(page, 'zh-reader');
	await page.getByLabel('Language').selectOption('zh-CN');
	await page.getByRole('button', { name: 'Change' }).click();
	await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');

	await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '课程' }).click();
	await expect(page.getByRole('heading', { level: 1, name: '课程' })).toBeVisible();
	await page.getByRole('link', { name: zh.title }).click();
	await expect(page.getByRole('heading', { level: 1, name: zh.title })).toBeVisible();
	// The contents list the Chinese section headings, in order, then the check.
	const toc = page.getByRole('navigation', { name: '本页内容' }).getByRole('link');
	await expect(toc).toHaveText([...zh.sections.map((s) => s.title), '知识测验']);
	for (const section of zh.sections) await expect(page.getByRole('heading', { level: 2, name: section.title })).toBeVisible();
	await expect(page.getByText('本单元暂时还没有')).toHaveCount(0);

	await page.getByRole('link', { name: '开始知识测验' }).click();
	await expect(page.getByRole('heading', { level: 1, name: '知识测验' })).toBeVisible();
	await page.getByRole('button', { name: '提交答案' }).click();
	await expect(page.getByRole('alert')).toHaveText('提交前请回答所有题目。');
	await expect(page.getByText('请选择一个答案。').first()).toBeVisible();

	for (const question of zh.check.questions) {
		const group = page.getByRole('group', { name: question.prompt });
		for (const option of question.options) if (option.correct) await group.getByLabel(option.text, { exact: true }).check();
	}
	await page.getByRole('button', { name: '提交答案' }).click();
	const total = zh.check.questions.length;
	await expect(page.getByRole('status')).toContainText(`已通过： 答对 ${total} 题，共 ${total} 题`);
	await expect(page.getByText('✓ 正确').first()).toBeVisible();
	await expect(page.getByRole('table')).toContainText('已通过');
});

test('a form error comes back in Korean', async ({ browser }) => {
	const korean = await browser.newContext({ locale: 'ko-KR' });
	const page = await korean.newPage();
	await page.goto('/sign-up');
	await page.getByLabel('이름', { exact: true }).fill('   ');
	await page.getByLabel('이메일 주소').fill('not-an-address@nowhere');
	await page.getByLabel('비밀번호').fill('password1');
	await page.getByRole('button', { name: '계정 만들기' }).click();
	await expect(page.getByText('이름 항목을 입력해 주세요.')).toBeVisible();
	await expect(page.getByText('name@example.com과 같은 올바른 이메일 주소를 입력해 주세요.')).toBeVisible();
	await expect(page.getByText('너무 흔하거나 추측하기 쉬운 비밀번호입니다.')).toBeVisible();
	// What was typed is kept, and the field says it is wrong.
	await expect(page.getByLabel('이메일 주소')).toHaveValue('not-an-address@nowhere');
	await expect(page.getByLabel('이름', { exact: true })).toHaveAttribute('aria-invalid', 'true');

	// Signed in, a join link that does not work says why, in Korean too.
	await page.getByLabel('이름', { exact: true }).fill('민준');
	await page.getByLabel('이메일 주소').fill(uniqueEmail('joiner-ko'));
	await page.getByLabel('비밀번호').fill('a fine long passphrase');
	await page.getByRole('button', { name: '계정 만들기' }).click();
	await page.waitForURL('/');
	const response = await page.goto('/join/aaaaaaaaaaaaaaaa');
	expect(response?.status()).toBe(404);
	await expect(page.getByText('이 초대 링크는 만료되었거나 이미 사용되었거나')).toBeVisible();
	await korean.close();
});

for (const [locale, browserLocale] of [['zh-CN', 'zh-CN'], ['ko', 'ko-KR']] as const)
	test(`${locale} pages wrap and fit a 375-pixel phone, with no serious accessibility violations`, async ({ browser }) => {
		test.setTimeout(180_000);
		const context = await browser.newContext({ locale: browserLocale, viewport: { width: 375, height: 800 } });
		const page = await context.newPage();
		await signUp(page, `phone-${locale}`);
		await expect(page.locator('html')).toHaveAttribute('lang', locale);
		const slugs = readdirSync('content/lessons').map((folder) => folder.replace(/^\d+-/, ''));
		for (const path of ['/', '/lessons', '/account', ...slugs.map((slug) => `/lessons/${slug}`), `/lessons/${slugs[1]}/check`]) {
			await page.goto(path);
			const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
			expect(overflow, `${path} is wider than the screen`).toBeLessThanOrEqual(0);
			const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
			expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id), path).toEqual([]);
		}
		await context.close();
	});
