import { ComingSoon } from '../components/coming-soon';
import { requireUser } from '@/lib/server/session';

export const metadata = { title: 'Progress' };

export default async function ProgressPage() {
  await requireUser('/progress');
  return (
    <ComingSoon title="Progress">
      <p>Mastery per topic, readiness per exam domain, your streak and a history of every attempt.</p>
    </ComingSoon>
  );
}
