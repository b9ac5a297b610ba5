// Liveness without touching the database (/healthz is readiness); also the benchmarks' ceiling.
export function GET() {
	return new Response('ok', { headers: { 'content-type': 'text/plain', 'cache-control': 'no-store' } });
}
