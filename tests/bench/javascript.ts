// The JavaScript a page type ships, in gzip bytes: used by the HTTP benchmark, and on its own
// (`npx tsx tests/bench/javascript.ts`, after `vite build`) against the demo data for a quick look
// while trimming a page (BENCH_JS_FILES=1 lists every file).
import { gzipSync } from 'node:zlib';

/**
 * Gzip bytes of the JavaScript a page loads before it is interactive: the modules it preloads
 * (Link header and <link rel=modulepreload>), the entry points its inline script imports, every
 * module those import statically (dynamic imports, e.g. other pages, are left out), plus the
 * inline script itself (the start-up code and the hydration data). Each file gzipped on its own,
 * as a server sends it.
 */
export async function javascript(base: string, path: string, cookie: string) {
	const page = new URL(path, base);
	const response = await fetch(page, { headers: { cookie } });
	if (!response.ok) throw new Error(`${path}: ${response.status}`);
	const html = await response.text();
	const page_ = { html: Buffer.byteLength(html), htmlGzip: gzipSync(html).length };
	const inline = [...html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].filter((m) => !/\bsrc=/.test(m[0])).map((m) => m[1]);
	const queue = [
		...[...(response.headers.get('link') ?? '').matchAll(/<([^>]+\.js)>/g)].map((m) => m[1]),
		...[...html.matchAll(/<link[^>]+rel="modulepreload"[^>]*href="([^"]+)"|<link[^>]+href="([^"]+\.js)"[^>]*rel="modulepreload"/g)].map((m) => m[1] ?? m[2]),
		...inline.flatMap((code) => [...code.matchAll(/import\(\s*"([^"]+\.js)"\s*\)/g)].map((m) => m[1]))
	].map((href) => new URL(href, page).href);
	const seen = new Set<string>();
	let modules = 0;
	while (queue.length) {
		const url = queue.pop()!;
		if (seen.has(url)) continue;
		seen.add(url);
		const file = await fetch(url);
		if (!file.ok) throw new Error(`${url}: ${file.status}`);
		const code = await file.text();
		modules += gzipSync(code).length;
		if (process.env.BENCH_JS_FILES) console.log(`${path}: ${url.replace(base, '')} ${gzipSync(code).length} B gzip`);
		for (const m of code.matchAll(/\b(?:import|export)\s*(?:[^'"();]*?\bfrom\s*)?["']([^"']+\.js)["']/g)) queue.push(new URL(m[1], url).href);
	}
	const inlineBytes = inline.reduce((sum, code) => sum + gzipSync(code).length, 0);
	return { files: seen.size, modules, inline: inlineBytes, total: modules + inlineBytes, ...page_ };
}


// Run on its own: a built server on a temporary embedded database with the demo data.
if (import.meta.url === `file://${process.argv[1]}`) {
	const { spawn } = await import('node:child_process');
	const { mkdtempSync, rmSync } = await import('node:fs');
	const { tmpdir } = await import('node:os');
	const { join } = await import('node:path');
	const port = Number(process.env.BENCH_PORT ?? 4311);
	const base = `http://127.0.0.1:${port}`;
	const dir = mkdtempSync(join(tmpdir(), 'rehearse-js-'));
	const env = { ...process.env, PGLITE_DIR: join(dir, 'db'), DATABASE_URL: '', DEMO_SEED: 'on', PORT: String(port), ORIGIN: base };
	const server = spawn('node', ['build'], { env, stdio: ['ignore', 'ignore', 'inherit'] });
	process.on('exit', () => {
		server.kill('SIGKILL');
		rmSync(dir, { recursive: true, force: true });
	});
	for (let i = 0; !(await fetch(`${base}/healthz`).catch(() => null))?.ok; i++) {
		if (i > 300) throw new Error('server did not start');
		await new Promise((r) => setTimeout(r, 200));
	}
	const post = (path: string, body: Record<string, string>, cookie = '') =>
		fetch(base + path, { method: 'POST', body: new URLSearchParams(body), redirect: 'manual', headers: { origin: base, accept: 'text/html', cookie } });
	const signIn = async (email: string, password: string) => (await post('/sign-in', { email, password })).headers.get('set-cookie')!.split(';')[0];
	const trainee = await signIn('mina@rehearse.test', 'rehearse-trainee');
	const trainer = await signIn('trainer@rehearse.test', 'rehearse-trainer');
	const player = (await post('/simulations/complaint-new-car?/start', { mode: 'practice', timer: 'off' }, trainee)).headers.get('location')!;
	const cohort = /href="(\/trainer\/cohorts\/[0-9a-f-]+)"/.exec(await (await fetch(`${base}/trainer`, { headers: { cookie: trainer } })).text())![1];
	const pages = { lesson: ['/lessons/handling-complaints', trainee], home: ['/', trainee], player: [player, trainee], report: [`${cohort}/report`, trainer] };
	const kb = (bytes: number) => +(bytes / 1000).toFixed(1);
	const rows = [];
	for (const [page, [path, cookie]] of Object.entries(pages)) {
		const j = await javascript(base, path, cookie);
		rows.push({ page, 'module files': j.files, 'modules KB': kb(j.modules), 'inline script KB': kb(j.inline), 'total KB': kb(j.total), 'HTML gzip KB': kb(j.htmlGzip) });
	}
	// The lesson page again in the other languages: their catalogues are larger.
	for (const locale of ['zh-CN', 'ko']) {
		await post('/locale', { locale, next: '/' }, trainee);
		const j = await javascript(base, pages.lesson[0], trainee);
		rows.push({ page: `lesson (${locale})`, 'module files': j.files, 'modules KB': kb(j.modules), 'inline script KB': kb(j.inline), 'total KB': kb(j.total), 'HTML gzip KB': kb(j.htmlGzip) });
	}
	console.table(rows);
	process.exit(0);
}
