import { defineConfig } from '@playwright/test';

const port = Number(process.env.E2E_PORT ?? 4173);
// When a PostgreSQL server is given, the trainer's end-to-end paths run on it too, on a fresh database.
const postgres = process.env.DATABASE_URL ? port + 1 : null;

// Debian's Chromium: browser downloads are impossible on these machines.
export default defineConfig({
	testDir: 'tests/e2e',
	fullyParallel: false,
	workers: 1,
	retries: 0,
	reporter: process.env.CI ? 'line' : 'list',
	timeout: 30_000,
	use: {
		launchOptions: {
			executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
			args: [
				'--no-sandbox',
				'--disable-gpu',
				'--disable-dev-shm-usage',
				'--disable-quic',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync',
				'--no-first-run'
			]
		}
	},
	projects: [
		{ name: 'pglite', use: { baseURL: `http://localhost:${port}` } },
		...(postgres ? [{ name: 'postgres', testMatch: /trainer.*\.test\.ts/, use: { baseURL: `http://localhost:${postgres}` } }] : [])
	],
	webServer: [
		{
			// The built app on a fresh in-memory embedded database with the demo accounts.
			command: 'node build',
			port,
			reuseExistingServer: false,
			timeout: 60_000,
			env: { PORT: String(port), PGLITE_DIR: 'memory://', DATABASE_URL: '', ORIGIN: `http://localhost:${port}` }
		},
		...(postgres
			? [
					{
						command: 'node tests/e2e/support/postgres-server.js',
						port: postgres,
						// SIGTERM, so the script drops its database on the way out.
						gracefulShutdown: { signal: 'SIGTERM' as const, timeout: 10_000 },
						reuseExistingServer: false,
						timeout: 60_000,
						env: { PORT: String(postgres), DATABASE_URL: process.env.DATABASE_URL!, ORIGIN: `http://localhost:${postgres}` }
					}
				]
			: [])
	]
});
