import { ComingSoon } from '../components/coming-soon';
import { requireInstructor } from '@/lib/server/session';

export const metadata = { title: 'Instructor' };

export default async function InstructorPage() {
  await requireInstructor('/instructor');
  return (
    <ComingSoon title="Instructor">
      <p>Question banks, parameterised questions built on the calculation core, classes, and Moodle import and export.</p>
    </ComingSoon>
  );
}
