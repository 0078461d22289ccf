// Real question banks through the built bin: what deck add, validate, show,
// list and export tell a user about a deck kfq had to convert.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runKfq, tempHome } from './run.js';

const bank = (name: string): string => join(repoRoot, 'test', 'fixtures', 'banks', `${name}.md`);
const kfq = (home: string, args: string[]) => runKfq(args, { env: { KFQ_HOME: home } });

describe('a deck with HTML and a site footer (Devinterview)', () => {
  it('when added then it is installed and deck add says in one line how much was converted', () => {
    const home = tempHome();
    const { code, stderr } = kfq(home, ['deck', 'add', bank('devinterview-sql-ml')]);
    expect(code).toBe(0);
    expect(stderr).toMatch(/added deck 'devinterview-sql-ml': 5 questions/);
    const converted = stderr.split('\n').filter((line) => line.includes('conversions of HTML'));
    expect(converted).toHaveLength(1);
    expect(converted[0]).toMatch(/5 conversions of HTML, images or a footer; kfq validate .*devinterview-sql-ml\.md lists them/);
  });

  it('when validated then every conversion is a warning with file:line, and the deck still passes', () => {
    const { code, stdout, stderr } = runKfq(['validate', bank('devinterview-sql-ml')]);
    expect(code).toBe(0);
    expect(stdout).toContain(`${bank('devinterview-sql-ml')}:294: warning: footer dropped`);
    expect(stdout).toContain(`${bank('devinterview-sql-ml')}:78: warning: HTML <br> shown as a line break`);
    expect(stderr).toMatch(/no problems, 5 conversions/);
  });

  it('when validated with --json then the conversions are listed and marked', () => {
    const [report] = JSON.parse(runKfq(['validate', '--json', bank('devinterview-sql-ml')]).stdout) as Array<{
      questions: number;
      problems: Array<{ line: number; message: string; conversion: boolean }>;
    }>;
    expect(report!.questions).toBe(5);
    expect(report!.problems).toContainEqual(
      expect.objectContaining({ line: 294, conversion: true, message: expect.stringMatching(/^footer dropped/) }),
    );
    expect(report!.problems.every((problem) => problem.conversion)).toBe(true);
  });

  it('when listed with --json then each question carries its prompt', () => {
    const questions = JSON.parse(runKfq(['--deck', bank('devinterview-sql-ml'), 'list', '--json']).stdout) as Array<{
      question: string;
      prompt: string;
    }>;
    expect(questions[0]).toMatchObject({
      question: 'What are the different types of JOIN operations in SQL?',
      prompt: 'What are the different types of _JOIN_ operations in SQL?',
    });
  });
});

describe('a deck with code in its questions (devops-exercises)', () => {
  it('when a question is shown piped then its whole prompt, code included, and its answer print unwrapped', () => {
    const { code, stdout } = runKfq(['--deck', bank('devops-exercises-ansible'), 'show', '10']);
    expect(code).toBe(0);
    expect(stdout).toContain('How to make the variable "use_var" optional?');
    expect(stdout).toContain('use: "{{ use_var }}"');
    expect(stdout).toContain('use: "{{ use_var|default(omit) }}"');
    const long = runKfq(['--deck', bank('devops-exercises-ansible'), 'show', '18']).stdout;
    expect(long).toContain('22. extra vars (always win precedence)');
    expect(long.split('\n').some((line) => line.length > 120)).toBe(true);
  });

  it('when exported as Markdown and read back then questions, prompts and answers are the same', () => {
    const home = tempHome();
    const original = JSON.parse(runKfq(['--deck', bank('devops-exercises-ansible'), 'list', '--json']).stdout) as Array<
      Record<string, unknown>
    >;
    const exported = join(home, 'ansible.md');
    writeFileSync(exported, runKfq(['--deck', bank('devops-exercises-ansible'), 'export', '--format', 'md']).stdout);
    const back = JSON.parse(runKfq(['--deck', exported, 'list', '--json']).stdout) as Array<Record<string, unknown>>;
    const content = (q: Record<string, unknown>) => [q.number, q.category, q.question, q.prompt, q.answer];
    expect(back.map(content)).toEqual(original.map(content));
  });
});
