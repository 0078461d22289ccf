import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runKfq, tempHome } from './run.js';

const fixture = (name: string): string => join(repoRoot, 'test', 'fixtures', 'import', name);

interface QuestionJson {
  id: string;
  category: string;
  question: string;
  answer: string;
}

function kfq(home: string, args: string[], env: NodeJS.ProcessEnv = {}) {
  return runKfq(args, { env: { KFQ_HOME: home, ...env } });
}

function installed(home: string): string[] {
  const folder = join(home, 'decks');
  return existsSync(folder) ? readdirSync(folder).sort() : [];
}

describe('kfq deck list', () => {
  it('says how to add a deck when none is installed', () => {
    const { code, stdout, stderr } = kfq(tempHome(), ['deck', 'list']);
    expect(code).toBe(0);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/kfq deck add/);
    expect(stderr).toMatch(/built-in/);
    expect(JSON.parse(kfq(tempHome(), ['deck', 'list', '--json']).stdout)).toEqual([]);
  });
});

describe('kfq deck add', () => {
  it('installs a Markdown deck under its file name, lists it, and --deck NAME or KFQ_DECK selects it', () => {
    const home = tempHome();
    const added = kfq(home, ['deck', 'add', fixture('devops.md')]);
    expect(added.code).toBe(0);
    expect(added.stderr).toMatch(/added deck 'devops': 3 questions in 2 categories/);
    expect(installed(home)).toEqual(['devops.json', 'devops.md']);
    expect(readFileSync(join(home, 'decks', 'devops.md'), 'utf8')).toBe(readFileSync(fixture('devops.md'), 'utf8'));

    const listing = JSON.parse(kfq(home, ['deck', 'list', '--json']).stdout);
    expect(listing).toEqual([
      {
        name: 'devops',
        path: join(home, 'decks', 'devops.md'),
        source: fixture('devops.md'),
        title: 'DevOps basics',
        questions: 3,
        categories: ['Containers', 'CI/CD'],
      },
    ]);
    const text = kfq(home, ['deck', 'list']).stdout;
    expect(text).toContain('devops');
    expect(text).toContain('DevOps basics');
    expect(text).toContain(`from ${fixture('devops.md')}`);

    const byName: QuestionJson[] = JSON.parse(kfq(home, ['--deck', 'devops', 'list', '--json']).stdout);
    expect(byName.map((q) => q.id)).toEqual(['devops/1', 'devops/2', 'devops/3']);
    const byEnv: QuestionJson[] = JSON.parse(kfq(home, ['list', '--json'], { KFQ_DECK: 'devops' }).stdout);
    expect(byEnv).toEqual(byName);
  });

  it('refuses to replace an installed deck without --force', () => {
    const home = tempHome();
    expect(kfq(home, ['deck', 'add', fixture('devops.md'), '--name', 'ops']).code).toBe(0);
    const again = kfq(home, ['deck', 'add', fixture('questions.csv'), '--name', 'ops']);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/a deck named 'ops' is already installed/);
    expect(again.stderr).toMatch(/--force/);
    expect(readFileSync(join(home, 'decks', 'ops.md'), 'utf8')).toContain('DevOps basics');

    const forced = kfq(home, ['deck', 'add', fixture('questions.csv'), '--name', 'ops', '--force']);
    expect(forced.code).toBe(0);
    expect(forced.stderr).toMatch(/replaced deck 'ops'/);
    expect(readFileSync(join(home, 'decks', 'ops.md'), 'utf8')).toContain('What is Katib?');
  });

  it('converts an Anki text export to a Markdown deck', () => {
    const home = tempHome();
    const added = kfq(home, ['deck', 'add', fixture('anki-notes.txt'), '--name', 'k8s']);
    expect(added.code).toBe(0);
    expect(added.stderr).toMatch(/added deck 'k8s': 3 questions in 3 categories \(converted from an Anki export\)/);
    const markdown = readFileSync(join(home, 'decks', 'k8s.md'), 'utf8');
    expect(markdown).toMatch(/^---\ntitle: "Basics"\n/);
    expect(markdown).toContain('### **Workloads**\n\n1. **What is a Pod?**\n\n   The smallest deployable unit.');
    const questions: QuestionJson[] = JSON.parse(kfq(home, ['--deck', 'k8s', 'list', '--json']).stdout);
    expect(questions.map((q) => [q.id, q.category, q.question])).toEqual([
      ['k8s/1', 'Workloads', 'What is a Pod?'],
      ['k8s/2', 'kubectl', 'What does "kubectl apply" do?'],
      ['k8s/3', 'Basics', 'What is a Service?'],
    ]);
    expect(questions[1]!.answer).toContain('Creates or updates');
    expect(JSON.parse(kfq(home, ['deck', 'list', '--json']).stdout)[0].source).toBe(fixture('anki-notes.txt'));
  });

  it('converts a CSV file, header recognised', () => {
    const home = tempHome();
    expect(kfq(home, ['deck', 'add', fixture('questions.csv')]).code).toBe(0);
    const questions: QuestionJson[] = JSON.parse(kfq(home, ['--deck', 'questions', 'list', '--json']).stdout);
    expect(questions.map((q) => [q.category, q.question])).toEqual([
      ['Katib', 'What is Katib?'],
      ['Katib', 'What does "trial" mean, exactly?'],
      ['Serving', 'What is KServe?'],
    ]);
    expect(questions[1]!.answer).toContain('- it has metrics');
  });

  it.each([
    ['bad.csv', /bad\.csv:3: expected question,answer\[,category\], found one field/],
    ['bad-anki.txt', /bad-anki\.txt:3: expected front and back/],
  ])('rejects %s with one clear line naming the file and line, and installs nothing', (name, message) => {
    const home = tempHome();
    const { code, stderr } = kfq(home, ['deck', 'add', fixture(name)]);
    expect(code).toBe(2);
    expect(stderr.split('\n')[0]).toMatch(message);
    expect(installed(home).filter((file) => !file.startsWith('.'))).toEqual([]);
  });

  it('rejects a Markdown file with no questions, and a missing file', () => {
    const home = tempHome();
    const notes = join(home, 'notes.md');
    writeFileSync(notes, '# Just notes\n\nNo questions here.\n');
    const bad = kfq(home, ['deck', 'add', notes]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('notes.md');
    expect(installed(home).filter((file) => file.endsWith('.md'))).toEqual([]);
    const missing = kfq(home, ['deck', 'add', join(home, 'nope.md')]);
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toMatch(/no such file/);
  });

  it('when some questions have no answer then it installs the others and says how many it left out', () => {
    const home = tempHome();
    const file = join(home, 'open-bank.md');
    writeFileSync(file, '# Open bank\n\n## Basics\n\n1. **What is X?**\n2. **What is Y?**\n   - Y is a thing.\n3. **What is Z?**\n');
    const { code, stderr } = kfq(home, ['deck', 'add', file]);
    expect(code).toBe(0);
    expect(stderr).toContain("added deck 'open-bank': 1 question in 1 category");
    expect(stderr).toContain(`2 questions without an answer left out; kfq validate ${file} lists them`);
    const listed = kfq(home, ['--deck', 'open-bank', 'list', '--json']);
    expect((JSON.parse(listed.stdout) as QuestionJson[]).map((q) => q.question)).toEqual(['What is Y?']);
    // Told once by deck add (and by validate), not on every run.
    expect(listed.stderr).toBe('');
    expect(kfq(home, ['validate', file]).code).toBe(1);
  });

  it('rejects a name that is not a safe file name', () => {
    const { code, stderr } = kfq(tempHome(), ['deck', 'add', fixture('devops.md'), '--name', '../escape']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/cannot be a deck name/);
  });
});

describe('kfq deck remove', () => {
  it('needs --yes without a terminal, then removes the deck and keeps the history', () => {
    const home = tempHome();
    kfq(home, ['deck', 'add', fixture('devops.md')]);
    const history = `${JSON.stringify({ kfq: 'review-log', version: 1 })}\n${JSON.stringify({ questionId: 'devops/1', deck: 'devops', number: 1, question: 'What is a container image?', rating: 3, reviewedAt: new Date().toISOString(), durationMs: 1, answer: '', mode: 'drill' })}\n`;
    writeFileSync(join(home, 'reviews.jsonl'), history);

    const asked = kfq(home, ['deck', 'remove', 'devops']);
    expect(asked.code).toBe(2);
    expect(asked.stderr).toMatch(/--yes/);
    expect(installed(home)).toContain('devops.md');

    const removed = kfq(home, ['deck', 'remove', 'devops', '--yes']);
    expect(removed.code).toBe(0);
    expect(removed.stderr).toMatch(/removed deck 'devops'; its review history is kept/);
    expect(installed(home)).toEqual([]);
    expect(readFileSync(join(home, 'reviews.jsonl'), 'utf8')).toBe(history);

    const gone = kfq(home, ['deck', 'remove', 'devops', '-y']);
    expect(gone.code).toBe(1);
    expect(gone.stderr).toMatch(/no installed deck named 'devops'/);
  });
});

describe('several decks at once', () => {
  it('loads the built-in deck and an installed one side by side, ids apart', () => {
    const home = tempHome();
    kfq(home, ['deck', 'add', fixture('devops.md')]);
    const builtin = join(repoRoot, 'data', 'kubeflow.md');
    const questions: QuestionJson[] = JSON.parse(kfq(home, ['--deck', builtin, '--deck', 'devops', 'list', '--json']).stdout);
    expect(questions).toHaveLength(103);
    expect(new Set(questions.map((q) => q.id)).size).toBe(103);
    expect(questions.some((q) => q.id === 'kubeflow/1') && questions.some((q) => q.id === 'devops/1')).toBe(true);

    const hits: QuestionJson[] = JSON.parse(
      kfq(home, ['--deck', builtin, '--deck', 'devops', 'search', 'container', 'registry', '--json']).stdout,
    );
    expect(hits.map((hit) => hit.id)).toContain('devops/2');

    const stats = JSON.parse(kfq(home, ['--deck', builtin, '--deck', 'devops', 'stats', '--json']).stdout);
    expect(stats.questions.total).toBe(103);
    expect(stats.decks.map((d: { slug: string }) => d.slug)).toEqual(['kubeflow', 'devops']);
    const csv = kfq(home, ['--deck', builtin, '--deck', 'devops', 'export', '--format', 'csv']).stdout;
    expect(csv.trimEnd().split('\r\n')).toHaveLength(104);
  });
});
