// Sends stored statements to the learning-record store. The statement table is the outbox:
// a row leaves it only once the store has accepted it, so nothing is lost while the store is
// down. Rows are claimed with FOR UPDATE SKIP LOCKED, so several server processes never send
// the same row at once. Each statement keeps its id, and an LRS stores an id at most once, so a
// send repeated after a lost reply is not a second record.
import { and, asc, eq, inArray, isNull, lte, sql } from 'drizzle-orm';
import { db } from '$lib/server/db';
import { xapiStatement } from '$lib/server/db/schema';

export type LrsConfig = { endpoint: string; username?: string; password?: string; timeoutMs?: number };

export function lrsConfig(): LrsConfig | null {
	const endpoint = process.env.LRS_ENDPOINT;
	return endpoint ? { endpoint, username: process.env.LRS_USERNAME, password: process.env.LRS_PASSWORD } : null;
}

const backoffMs = (tries: number) => Math.min(5_000 * 2 ** tries, 3_600_000);

export async function deliverPending(config: LrsConfig, limit = 50) {
	return db.transaction(async (tx) => {
		const rows = await tx
			.select({ id: xapiStatement.id, statement: xapiStatement.statement, tries: xapiStatement.tries })
			.from(xapiStatement)
			.where(and(isNull(xapiStatement.sentAt), lte(xapiStatement.nextTryAt, sql`now()`)))
			.orderBy(asc(xapiStatement.storedAt))
			.limit(limit)
			.for('update', { skipLocked: true });
		if (rows.length === 0) return { sent: 0, failed: 0 };

		const headers: Record<string, string> = { 'content-type': 'application/json', 'x-experience-api-version': '1.0.3' };
		if (config.username) headers.authorization = `Basic ${btoa(`${config.username}:${config.password ?? ''}`)}`;
		try {
			const response = await fetch(`${config.endpoint.replace(/\/$/, '')}/statements`, {
				method: 'POST',
				headers,
				body: JSON.stringify(rows.map((r) => r.statement)),
				signal: AbortSignal.timeout(config.timeoutMs ?? 10_000)
			});
			// 409: the store already holds these ids; statements never change, so they are delivered.
			if (!response.ok && response.status !== 409) throw new Error(`LRS answered ${response.status}`);
			await tx
				.update(xapiStatement)
				.set({ sentAt: sql`now()`, lastError: null })
				.where(inArray(xapiStatement.id, rows.map((r) => r.id)));
			return { sent: rows.length, failed: 0 };
		} catch (e) {
			const message = e instanceof Error ? e.message : String(e);
			for (const row of rows)
				await tx
					.update(xapiStatement)
					.set({ tries: row.tries + 1, nextTryAt: new Date(Date.now() + backoffMs(row.tries)), lastError: message.slice(0, 500) })
					.where(eq(xapiStatement.id, row.id));
			return { sent: 0, failed: rows.length };
		}
	});
}

/** Delivers in the background every few seconds while LRS_ENDPOINT is set. */
export function startOutbox(config: LrsConfig, everyMs = 5_000) {
	let running = false;
	const timer = setInterval(async () => {
		if (running) return;
		running = true;
		try {
			while ((await deliverPending(config)).sent > 0);
		} catch (e) {
			console.error('xAPI delivery failed', e);
		} finally {
			running = false;
		}
	}, everyMs);
	timer.unref();
	return () => clearInterval(timer);
}
