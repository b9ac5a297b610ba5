// The embedded database (PGlite) in a worker thread, behind the part of PGlite's interface that
// drizzle's PGlite driver uses: query, transaction, close. PGlite runs PostgreSQL as WebAssembly
// on the thread that calls it; moved off the server's thread, a page's queries no longer stop
// every other request from being answered, and the database's work runs on another core.
import type { PGlite, Results } from '@electric-sql/pglite';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

type QueryOptions = { rowMode?: 'array' | 'object'; parsers?: Record<number, (value: string, type: number) => unknown> };
type Client = Pick<PGlite, 'query' | 'transaction' | 'close'>;
type Reply = { id: number; result?: unknown; error?: { message: string } & Record<string, unknown> };

// The thread's code, given as source: the built server is one bundle, with no file of its own to
// start a thread from. It runs each message in PGlite: a query (in a transaction, if it names
// one), BEGIN (the transaction stays open until its END), END (commit or roll back) or close.
// Values of the types the caller parses itself (`asText`) stay text. Errors go back as their
// message and the driver's fields (code, constraint…), which is what the app reads.
const source = (pglite: string) => `
const { PGlite } = require(${JSON.stringify(pglite)});
const { parentPort, workerData } = require('node:worker_threads');
const pg = new PGlite(workerData.dataDir);
const open = new Map();
const rollback = Symbol('rollback');
let nextTx = 1;
const asText = (value) => value;
async function run(m) {
	if (m.op === 'query') {
		const client = m.tx ? open.get(m.tx)?.client : pg;
		if (!client) throw Object.assign(new Error('The transaction has ended.'), { code: '25P01' });
		return client.query(m.text, m.params, { rowMode: m.rowMode, parsers: Object.fromEntries(m.asText.map((type) => [type, asText])) });
	}
	if (m.op === 'begin') {
		const tx = nextTx++;
		return new Promise((begun, failed) => {
			const done = pg.transaction((client) => new Promise((commit, abort) => {
				open.set(tx, { client, commit, abort, done });
				begun(tx);
			}));
			done.catch(failed);
		});
	}
	if (m.op === 'end') {
		const { commit, abort, done } = open.get(m.tx);
		open.delete(m.tx);
		if (m.commit) commit();
		else abort(rollback);
		await done.catch((error) => { if (error !== rollback) throw error; });
		return null;
	}
	if (m.op === 'close') return void (await pg.close());
}
parentPort.on('message', async (m) => {
	try {
		parentPort.postMessage({ id: m.id, result: await run(m) });
	} catch (error) {
		const fields = { message: error instanceof Error ? error.message : String(error) };
		for (const [key, value] of Object.entries(error ?? {})) if (['string', 'number', 'boolean'].includes(typeof value)) fields[key] = value;
		parentPort.postMessage({ id: m.id, error: fields });
	}
});`;

export function pgliteThread(dataDir: string): Client {
	const pglite = createRequire(import.meta.url).resolve('@electric-sql/pglite');
	// Plain CommonJS, without the parent's flags (a TypeScript loader, --input-type=module).
	const worker = new Worker(source(pglite), { eval: true, execArgv: [], workerData: { dataDir } });
	const pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
	let nextId = 1;
	let gone: Error | undefined;

	// The thread keeps the process alive only while a query waits on it, as an in-process
	// database would: a script that forgets to close it still ends.
	worker.unref();
	const settle = (id: number) => {
		const call = pending.get(id);
		pending.delete(id);
		if (!pending.size) worker.unref();
		return call;
	};
	worker.on('message', ({ id, result, error }: Reply) => {
		const call = settle(id);
		if (error) call?.reject(Object.assign(new Error(error.message), error));
		else call?.resolve(result);
	});
	// A thread that dies takes the database with it: what waits, and whatever comes after, is
	// told the connection is closed (a 503 for a request; see errors.ts).
	const die = (cause: unknown) => {
		gone ??= Object.assign(new Error('The embedded database stopped.', { cause }), { code: 'CONNECTION_CLOSED' });
		for (const id of [...pending.keys()]) settle(id)?.reject(gone);
	};
	worker.on('error', die);
	worker.on('exit', (code) => die(new Error(`exit ${code}`)));

	function call<T>(message: Record<string, unknown>): Promise<T> {
		if (gone) return Promise.reject(gone);
		const id = nextId++;
		if (!pending.size) worker.ref();
		return new Promise<T>((resolve, reject) => {
			pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
			worker.postMessage({ ...message, id });
		});
	}

	/** Parsers are functions, which cannot cross to the thread: the values they read come back as text and are parsed here. */
	async function query<T>(tx: number | undefined, text: string, params: unknown[] = [], options: QueryOptions = {}) {
		const parsers = options.parsers ?? {};
		const results = await call<Results<T>>({ op: 'query', tx, text, params, rowMode: options.rowMode, asText: Object.keys(parsers).map(Number) });
		const parsed = results.fields.flatMap((field, i) => (parsers[field.dataTypeID] ? [[i, field, parsers[field.dataTypeID]] as const] : []));
		if (parsed.length)
			for (const row of results.rows as Record<string | number, unknown>[])
				for (const [i, field, parse] of parsed) {
					const key = options.rowMode === 'array' ? i : field.name;
					if (row[key] != null) row[key] = parse(row[key] as string, field.dataTypeID);
				}
		return results;
	}

	/** PGlite's `query`, outside any transaction or inside the one named. */
	const queryIn = (tx?: number) => ((text: string, params?: unknown[], options?: QueryOptions) => query(tx, text, params, options)) as Client['query'];

	return {
		query: queryIn(),
		transaction: (async <T>(run: (tx: { query: Client['query'] }) => Promise<T>) => {
			const tx = await call<number>({ op: 'begin' });
			let result: T;
			try {
				result = await run({ query: queryIn(tx) });
			} catch (error) {
				await call({ op: 'end', tx, commit: false });
				throw error;
			}
			await call({ op: 'end', tx, commit: true });
			return result;
		}) as Client['transaction'],
		async close() {
			if (!gone) await call({ op: 'close' });
			await worker.terminate();
		}
	};
}
