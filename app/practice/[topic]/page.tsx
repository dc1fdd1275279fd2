import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import 'katex/dist/katex.min.css';
import { TOPICS } from '@/lib/topics';
import { SeededPractice } from '../components/seeded-practice';

export const dynamicParams = false;

export function generateStaticParams() {
  return [...TOPICS.map((t) => ({ topic: t.id })), { topic: 'all' }];
}

type Props = { params: Promise<{ topic: string }> };

function titleFor(id: string): string | null {
  if (id === 'all') return 'Practice: all topics';
  const topic = TOPICS.find((t) => t.id === id);
  return topic ? `Practice: ${topic.title}` : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: titleFor((await params).topic) ?? 'Practice' };
}

export default async function TopicPracticePage({ params }: Props) {
  const { topic } = await params;
  const title = titleFor(topic);
  if (!title) notFound();
  return <SeededPractice scope={topic} title={title} />;
}
