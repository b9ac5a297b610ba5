// Shared by the benchmark scripts: percentiles and budget lines. Each budget is printed where it
// is measured and, when BENCH_RESULTS names a file, appended to it so `npm run bench` can print
// every budget together at the end.
import { appendFileSync, existsSync, readFileSync } from 'node:fs';

/** Nearest-rank percentile of unsorted samples (p = 100 gives the maximum). */
export function percentile(samples: number[], p: number) {
	if (!samples.length) return NaN;
	const sorted = [...samples].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export type BudgetLine = { budget: string; pass: boolean; value: string };

export function recordBudget(budget: string, pass: boolean, value: string) {
	console.log(`${pass ? 'PASS' : 'FAIL'}  ${budget}: ${value}`);
	if (process.env.BENCH_RESULTS) appendFileSync(process.env.BENCH_RESULTS, JSON.stringify({ budget, pass, value } satisfies BudgetLine) + '\n');
	if (!pass) process.exitCode = 1;
}

export function readBudgets(file: string): BudgetLine[] {
	return existsSync(file)
		? readFileSync(file, 'utf8')
				.split('\n')
				.filter(Boolean)
				.map((line) => JSON.parse(line) as BudgetLine)
		: [];
}

/** Resident memory of a process in MB, from /proc (Linux); 0 when it has exited. */
export function rssMb(pid: number) {
	try {
		return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
	} catch {
		return 0;
	}
}

/** Samples a process's resident memory every `ms` until stopped; reports the peak. */
export function sampleMemory(pid: number, ms = 100) {
	let peak = rssMb(pid);
	const timer = setInterval(() => (peak = Math.max(peak, rssMb(pid))), ms);
	return { peak: () => peak, stop: () => clearInterval(timer) };
}

/**
 * A new, empty database on the PostgreSQL server `url` points at, for a benchmark that generates
 * data: the database named in `url` is never written to. `drop()` removes it afterwards.
 */
export async function scratchDatabase(url: string, prefix: string) {
	const { default: postgres } = await import('postgres');
	const name = `${prefix}_${Date.now()}_${process.pid}`;
	const admin = postgres(url, { max: 1, onnotice: () => {} });
	await admin.unsafe(`create database "${name}"`);
	await admin.end();
	const scratch = new URL(url);
	scratch.pathname = `/${name}`;
	return {
		url: scratch.href,
		async drop() {
			const again = postgres(url, { max: 1, onnotice: () => {} });
			await again.unsafe(`drop database if exists "${name}" with (force)`);
			await again.end();
		}
	};
}

/**
 * Stops the server as a process manager does (SIGTERM: adapter-node finishes the requests in
 * flight, then the app closes its database) and says how long that took; kills it after `ms`.
 */
export async function stopServer(server: import('node:child_process').ChildProcess, ms = 45_000) {
	if (server.exitCode !== null || server.signalCode !== null) return;
	const began = performance.now();
	const exited = new Promise<boolean>((resolve) => {
		server.once('exit', () => resolve(true));
		setTimeout(() => resolve(false), ms).unref();
	});
	server.kill('SIGTERM');
	if (await exited) console.log(`Server exited ${((performance.now() - began) / 1000).toFixed(1)} s after SIGTERM.`);
	else {
		console.log(`WARNING: the server had not exited ${ms / 1000} s after SIGTERM; killed.`);
		const killed = new Promise((resolve) => server.once('exit', resolve));
		server.kill('SIGKILL');
		await killed;
	}
}

/** CPU time the whole machine has used, in seconds (Linux: /proc/stat, 100 ticks a second). */
function machineCpuSeconds() {
	const [user, nice, system, , , irq, softirq] = readFileSync('/proc/stat', 'utf8').split('\n')[0].split(/\s+/).slice(1).map(Number);
	return (user + nice + system + irq + softirq) / 100;
}

/**
 * Waits until the machine is nearly idle (under 15 % of one core over 250 ms, twice running), at
 * most `ms`: requests a load generator abandoned when its run ended still run on the server, and
 * the database may still be writing out the last run's work; either would slow down the next
 * measurement on a 2-core machine.
 */
export async function settle(ms = 15_000) {
	const end = Date.now() + ms;
	for (let quiet = 0; quiet < 2 && Date.now() < end; ) {
		const before = machineCpuSeconds();
		await new Promise((r) => setTimeout(r, 250));
		quiet = machineCpuSeconds() - before < 0.0375 ? quiet + 1 : 0;
	}
}
