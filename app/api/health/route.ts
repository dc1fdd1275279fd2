// GET /api/health — liveness plus a database round trip; anyone (for load balancers and CI).
import { NextResponse } from 'next/server';
import { checkDatabase } from '@/lib/server/check-database';

export const dynamic = 'force-dynamic';

export async function GET() {
  const database = await checkDatabase();
  const status = database.ok ? 'ok' : 'degraded';
  return NextResponse.json({ status, database }, { status: database.ok ? 200 : 503, headers: { 'cache-control': 'no-store' } });
}
