import { courseOutline } from '@/lib/content/outline';
import { LessonOutline } from './lesson-outline';

export const metadata = { title: 'Lessons' };

export default function LessonsPage() {
  const domains = courseOutline();
  return (
    <>
      <h1>Lessons</h1>
      <p className="muted" style={{ maxWidth: '42rem' }}>
        The course follows the four domains of the ANS-C01 exam. Every number is checked against current AWS
        documentation; calculators inside the lessons work through your own examples.
      </p>
      <LessonOutline domains={domains} />
    </>
  );
}
