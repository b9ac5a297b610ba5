// The built app on a fresh PostgreSQL database with the demo accounts, for the end-to-end paths
// that must hold on both databases. The database is made from DATABASE_URL's server and dropped on exit.
import { spawn } from 'node:child_process';
import postgres from 'postgres';

if (!process.env.DATABASE_URL) throw new Error('DATABASE_URL names the PostgreSQL server to make the database on');
const base = new URL(process.env.DATABASE_URL);
const name = `rehearse_e2e_${process.pid}`;
const admin = postgres(base.href, { max: 1, onnotice: () => {} });
await admin.unsafe(`create database ${name}`);
await admin.end();

const url = new URL(base);
url.pathname = `/${name}`;
const server = spawn('node', ['build'], { stdio: 'inherit', env: { ...process.env, DATABASE_URL: url.href, DEMO_SEED: 'on' } });

async function drop() {
	const sql = postgres(base.href, { max: 1, onnotice: () => {} });
	await sql.unsafe(`drop database if exists ${name} with (force)`).catch(() => {});
	await sql.end();
}
for (const signal of ['SIGINT', 'SIGTERM'])
	process.on(signal, () => {
		server.kill('SIGTERM');
		server.once('exit', () => drop().finally(() => process.exit(0)));
	});
server.on('exit', (code) => drop().finally(() => process.exit(code ?? 0)));
