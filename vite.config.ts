import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

// Integration tests run once on the embedded database (PGlite, in memory) and, when
// DATABASE_URL is set, once more on that PostgreSQL server. They share one database per
// run, so their files run one after another and reset the tables between tests.
const integration = (name: string, env: Record<string, string>) => ({
	extends: true as const,
	test: {
		name,
		include: ['tests/integration/**/*.test.ts'],
		env,
		fileParallelism: false,
		isolate: false,
		testTimeout: 30_000,
		hookTimeout: 60_000
	}
});

export default defineConfig({
	plugins: [sveltekit()],
	test: {
		expect: { requireAssertions: true },
		projects: [
			{ extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] } },
			integration('db:pglite', { DATABASE_URL: '', PGLITE_DIR: 'memory://', DEMO_SEED: 'off' }),
			...(process.env.DATABASE_URL
				? [integration('db:postgres', { DATABASE_URL: process.env.DATABASE_URL })]
				: [])
		]
	}
});
