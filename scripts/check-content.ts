/** npm run content:check — validate every lesson and bank; exit 1 naming each file at fault. */
import { loadLessons } from '../lib/content/load-lessons';
import { loadBanks } from '../lib/content/load-banks';
import { checkLessonBody } from '../lib/content/check-lesson';

let failed = false;
try {
  const lessons = loadLessons();
  const slugs = new Set(lessons.map((l) => l.meta.slug));
  for (const l of lessons) {
    for (const p of checkLessonBody(l, slugs)) {
      failed = true;
      console.error(`${l.file}: ${p}`);
    }
  }
  console.log(`${lessons.length} lessons checked`);
} catch (e) {
  failed = true;
  console.error((e as Error).message);
}
try {
  const banks = loadBanks();
  const n = banks.reduce((s, b) => s + b.questions.length, 0);
  console.log(`${banks.length} banks, ${n} questions checked`);
} catch (e) {
  failed = true;
  console.error((e as Error).message);
}
process.exit(failed ? 1 : 0);
