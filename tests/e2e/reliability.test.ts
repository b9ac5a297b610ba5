import { execFile, execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { request as httpRequest } from 'node:http';
import { promisify } from 'node:util';
import { createServer, type Server, type Socket, connect } from 'node:net';
import { expect, test } from '@playwright/test';

// These start servers of their own. The database outage needs a PostgreSQL server to lose
// (the embedded one lives inside the app), so it runs where DATABASE_URL is set, as in CI.

async function startApp(port: number, env: Record<string, string>) {
	const app = spawn('node', ['build'], { env: { ...process.env, PORT: String(port), ORIGIN: `http://localhost:${port}`, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
	for (let i = 0; i < 150; i++) {
		if ((await fetch(`http://localhost:${port}/ping`).catch(() => null))?.ok) return app;
		await new Promise((r) => setTimeout(r, 100));
	}
	throw new Error('server did not start');
}

async function stop(app: ChildProcess) {
	if (app.exitCode !== null) return app.exitCode;
	const exited = new Promise<number | null>((resolve) => app.once('exit', (code) => resolve(code)));
	app.kill('SIGTERM');
	return exited;
}

test('graceful shutdown finishes the requests in flight', async () => {
	const port = 4191;
	const app = await startApp(port, { PGLITE_DIR: 'memory://', DATABASE_URL: '' });
	// Requests whose bodies are still arriving when SIGTERM comes: the server must read them to
	// the end and answer them before it exits.
	const requests = Array.from({ length: 3 }, (_, i) => {
		const body = `email=nobody${i}%40example.com&password=wrong-password`;
		let finish = () => {};
		const status = new Promise<number>((resolve, reject) => {
			const req = httpRequest(
				{ port, path: '/sign-in', method: 'POST', agent: false, headers: { accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded', 'content-length': body.length } },
				(res) => {
					res.resume();
					res.on('end', () => resolve(res.statusCode!));
				}
			);
			req.on('error', reject);
			req.write(body.slice(0, 10));
			finish = () => req.end(body.slice(10));
		});
		return { status, finish: () => finish() };
	});
	await new Promise((r) => setTimeout(r, 300));
	const exit = stop(app);
	await new Promise((r) => setTimeout(r, 300));
	for (const r of requests) r.finish();
	expect(await Promise.all(requests.map((r) => r.status))).toEqual([400, 400, 400]);
	expect(await exit).toBe(0);
});

if (process.env.DATABASE_URL) {
	test('the database going away gives 503s and the app recovers by itself', async ({ browser }) => {
		test.setTimeout(90_000);
		const target = new URL(process.env.DATABASE_URL!);
		const name = `rehearse_outage_${Date.now()}`;
		const admin = (sql: string) => execFileSync('psql', ['-q', '-h', target.hostname, '-p', target.port || '5432', '-U', target.username || 'postgres', '-d', 'postgres', '-c', sql]);
		admin(`create database ${name}`);

		// A TCP proxy in front of PostgreSQL stands for the network path to the database.
		let sockets: Socket[] = [];
		const open = () =>
			new Promise<Server>((resolve) => {
				const proxy = createServer((client) => {
					const upstream = connect(Number(target.port || 5432), target.hostname);
					sockets.push(client, upstream);
					client.pipe(upstream).pipe(client);
					client.on('error', () => upstream.destroy());
					upstream.on('error', () => client.destroy());
				});
				proxy.listen(4192, '127.0.0.1', () => resolve(proxy));
			});
		const cut = (proxy: Server) =>
			new Promise<void>((resolve) => {
				for (const s of sockets) s.destroy();
				sockets = [];
				proxy.close(() => resolve());
			});

		let proxy = await open();
		const url = new URL(process.env.DATABASE_URL!);
		url.host = '127.0.0.1:4192';
		url.pathname = `/${name}`;
		const port = 4193;
		const app = await startApp(port, { DATABASE_URL: url.toString() });
		try {
			// Asynchronously: the proxy lives in this process and must keep serving meanwhile.
			await promisify(execFile)('npx', ['tsx', 'scripts/seed.ts'], { env: { ...process.env, DATABASE_URL: url.toString() } });
			const page = await browser.newPage({ baseURL: `http://localhost:${port}` });
			await page.goto('/sign-in');
			await page.getByLabel('E-mail address').fill('mina@rehearse.test');
			await page.getByLabel('Password').fill('rehearse-trainee');
			await page.getByRole('button', { name: 'Sign in' }).click();
			await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
			expect((await fetch(`http://localhost:${port}/healthz`)).status).toBe(200);

			await cut(proxy);
			const health = await fetch(`http://localhost:${port}/healthz`);
			expect(health.status).toBe(503);
			expect(await health.json()).toMatchObject({ status: 'unavailable' });
			const response = await page.goto('/lessons');
			expect(response?.status()).toBe(503);
			await expect(page.getByRole('heading', { name: 'Rehearse is briefly unavailable' })).toBeVisible();

			proxy = await open();
			await expect.poll(async () => (await fetch(`http://localhost:${port}/healthz`)).status, { timeout: 30_000 }).toBe(200);
			expect((await page.goto('/lessons'))?.status()).toBe(200);
			await expect(page.getByRole('heading', { level: 1, name: 'Lessons' })).toBeVisible();
		} finally {
			await stop(app);
			await cut(proxy);
			admin(`drop database if exists ${name} with (force)`);
		}
	});
}
