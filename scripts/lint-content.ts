import { checkContent, formatProblem } from '../server/content/content-check.ts';

/** npm run lint:content [-- DIR]: checks the starter content (default: content/); exit code 1 on problems. */

const dir = process.argv[2] ?? 'content';
const problems = checkContent(dir);
for (const problem of problems) console.error(formatProblem(problem));
console.log(problems.length ? `${problems.length} problem${problems.length === 1 ? '' : 's'} in ${dir}/` : `${dir}/: no problems`);
process.exitCode = problems.length ? 1 : 0;
