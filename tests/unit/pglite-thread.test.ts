import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { PGlite } from '@electric-sql/pglite';
import { eq, sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/pglite';
import { integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isDatabaseUnavailable, isUniqueViolation } from '$lib/server/db/errors';
import { pgliteThread } from '$lib/server/db/pglite-thread';

const note = pgTable('note', {
	id: integer('id').primaryKey(),
	body: text('body').notNull(),
	at: timestamp('at', { withTimezone: true }).notNull(),
	meta: jsonb('meta').$type<{ tags: string[] }>()
});

describe('the embedded database on its own thread', () => {
	const client = pgliteThread('memory://');
	const db = drizzle(client as PGlite, { schema: { note } });
	const at = new Date('2026-03-01T09:30:00.123Z');

	beforeAll(async () => {
		await db.execute(sql`create table note (id integer primary key, body text not null, at timestamptz not null, meta jsonb)`);
	});
	afterAll(() => client.close());

	it('returns rows as drizzle reads them: dates parsed on this side, JSON as objects, in both row modes', async () => {
		await db.insert(note).values({ id: 1, body: 'first', at, meta: { tags: ['a', 'b'] } });
		const [row] = await db.select().from(note).where(eq(note.id, 1));
		expect(row).toEqual({ id: 1, body: 'first', at, meta: { tags: ['a', 'b'] } });
		expect(row.at).toBeInstanceOf(Date);
		const raw = await db.execute(sql`select id, body from note`);
		expect(raw.rows).toEqual([{ id: 1, body: 'first' }]);
	});

	it('keeps the PostgreSQL error code, and goes on answering after an error', async () => {
		await db.insert(note).values({ id: 2, body: 'second', at });
		const error = await db.insert(note).values({ id: 2, body: 'again', at }).catch((e: unknown) => e);
		expect(isUniqueViolation(error)).toBe(true);
		expect(isDatabaseUnavailable(error)).toBe(false);
		expect(await db.select({ body: note.body }).from(note).where(eq(note.id, 2))).toEqual([{ body: 'second' }]);
	});

	it('commits a transaction, and rolls one back when it throws, with the error it threw', async () => {
		await db.transaction(async (tx) => {
			await tx.insert(note).values({ id: 3, body: 'kept', at });
		});
		const thrown = new Error('changed my mind');
		const error = await db
			.transaction(async (tx) => {
				await tx.insert(note).values({ id: 4, body: 'dropped', at });
				await tx.update(note).set({ body: 'overwritten' }).where(eq(note.id, 3));
				throw thrown;
			})
			.catch((e: unknown) => e);
		expect(error).toBe(thrown);
		expect(await db.select({ id: note.id, body: note.body }).from(note).where(sql`${note.id} in (3, 4)`)).toEqual([{ id: 3, body: 'kept' }]);
	});

	it('rolls back a savepoint only, and a failed statement inside a transaction rolls it all back', async () => {
		await db.transaction(async (tx) => {
			await tx.insert(note).values({ id: 5, body: 'outer', at });
			await tx.transaction(async (inner) => {
				await inner.insert(note).values({ id: 6, body: 'inner', at });
				inner.rollback();
			}).catch(() => {});
		});
		const failed = await db
			.transaction(async (tx) => {
				await tx.insert(note).values({ id: 7, body: 'before the clash', at });
				await tx.insert(note).values({ id: 5, body: 'clash', at });
			})
			.catch((e: unknown) => e);
		expect(isUniqueViolation(failed)).toBe(true);
		expect((await db.select({ id: note.id }).from(note).where(sql`${note.id} between 5 and 7`)).map((r) => r.id)).toEqual([5]);
	});

	it('makes a query from outside wait for an open transaction, then see what it committed', async () => {
		const order: string[] = [];
		let outside: Promise<unknown> | undefined;
		await db.transaction(async (tx) => {
			await tx.insert(note).values({ id: 8, body: 'in the transaction', at });
			outside = db
				.select({ body: note.body })
				.from(note)
				.where(eq(note.id, 8))
				.then((rows) => order.push(`outside saw ${rows.length}`));
			await new Promise((r) => setTimeout(r, 50));
			order.push('commit');
		});
		await outside;
		expect(order).toEqual(['commit', 'outside saw 1']);
	});

	it('answers concurrent queries each with its own result', async () => {
		const results = await Promise.all(Array.from({ length: 50 }, (_, i) => db.execute(sql`select ${i}::int as n`)));
		expect(results.map((r) => r.rows[0].n)).toEqual(Array.from({ length: 50 }, (_, i) => i));
	});
});

describe('a stopped embedded database', () => {
	it('refuses queries as unavailable (a 503, not a crash)', async () => {
		const client = pgliteThread('memory://');
		expect((await client.query<{ one: number }>('select 1 as one')).rows).toEqual([{ one: 1 }]);
		await client.close();
		const error = await client.query('select 1').catch((e: unknown) => e);
		expect(isDatabaseUnavailable(error)).toBe(true);
	}, 30_000);

	it('does not keep a script running once its queries are answered', async () => {
		// A script that never closes the database still ends, as with PGlite on the main thread.
		const script = `import { pgliteThread } from './src/lib/server/db/pglite-thread.ts';
			const client = pgliteThread('memory://');
			console.log(JSON.stringify((await client.query('select 41 + 1 as answer')).rows));`;
		const { stdout } = await promisify(execFile)('npx', ['tsx', '--input-type=module', '-e', script], { timeout: 20_000 });
		expect(stdout.trim()).toBe('[{"answer":42}]');
	}, 30_000);
});
