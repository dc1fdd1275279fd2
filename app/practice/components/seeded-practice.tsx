'use client';
import { useSearchParams } from 'next/navigation';
import { Suspense } from 'react';
import { PracticeSession } from './practice-session';

function WithSeed({ scope, title }: { scope: string; title: string }) {
  const params = useSearchParams();
  const raw = params.get('seed');
  const seed = raw && /^\d{1,10}$/.test(raw) && Number(raw) <= 0x7fffffff ? Number(raw) : undefined;
  const lengthRaw = Number(params.get('n'));
  const length = Number.isInteger(lengthRaw) && lengthRaw >= 1 && lengthRaw <= 50 ? lengthRaw : 10;
  return <PracticeSession key={`${seed ?? 'random'}-${length}`} scope={scope} title={title} seed={seed} length={length} />;
}

/** Reads ?seed= (replay a session exactly) and ?n= (session length, 1–50) on a static page. */
export function SeededPractice(props: { scope: string; title: string }) {
  return (
    <Suspense fallback={<p className="muted">Loading practice…</p>}>
      <WithSeed {...props} />
    </Suspense>
  );
}
