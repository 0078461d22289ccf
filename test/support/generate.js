// Deterministic synthetic data for the benchmark and the tests that run kfq at
// its sizes: decks in the seed deck's
// Markdown shape, built from its vocabulary, with planted questions whose text
// is known; and a review log in kfq's format. Same seed, same bytes.
import { closeSync, openSync, readFileSync, writeSync } from 'node:fs';
import { mulberry32 } from '../../src/practice/mulberry32.js';

const SEED_DECK = new URL('../../data/kubeflow.md', import.meta.url);

/**
 * Questions placed in every generated deck. Their distinctive words are not in
 * the seed deck, so each query should rank its question in the top 3.
 */
export const PLANTED = [
  {
    question: 'How do you configure Volcano gang scheduling for distributed TFJob training?',
    answer: 'Install the Volcano scheduler and set `schedulerName: volcano` so all workers of a gang start together.',
    queries: ['volcano gang scheduling', 'volcno gang sheduling tfjob'],
  },
  {
    question: 'How does Kueue admission control enforce GPU quota across namespaces?',
    answer: 'Kueue queues workloads and admits them only when the ClusterQueue has quota left.',
    queries: ['kueue admision quota', 'gpu quota kueue'],
  },
  {
    question: 'How do you back up Kubeflow Pipelines metadata with Velero?',
    answer: 'Schedule Velero backups of the pipeline namespace and its persistent volumes.',
    queries: ['velero backup pipelines', 'velro bakup'],
  },
  {
    question: 'How do you partition NVIDIA GPUs with MIG for notebook servers?',
    answer: 'Enable MIG on the nodes and request a `nvidia.com/mig-1g.5gb` resource from the notebook.',
    queries: ['nvidia mig partition', 'partiton nvidia gpus'],
  },
  {
    question: 'How do you run Horovod ring allreduce jobs on Kubeflow?',
    answer: 'Use an MPIJob whose launcher runs horovodrun across the worker pods.',
    queries: ['horovod allreduce', 'horovd ring allreduce'],
  },
  {
    question: 'How do you serve a Triton ensemble model with KServe?',
    answer: 'Package the ensemble in a Triton model repository and point an InferenceService at it.',
    queries: ['triton ensemble kserve', 'triton ensamble'],
  },
  {
    question: 'How do you enforce Kyverno policies on Kubeflow profiles?',
    answer: 'Write Kyverno ClusterPolicies that match the profile namespaces.',
    queries: ['kyverno polices profiles', 'kyverno policy'],
  },
  {
    question: 'How do you version training datasets with lakeFS and DVC?',
    answer: 'Commit data to a lakeFS branch or track it with DVC, and pass the commit id to the pipeline.',
    queries: ['lakefs dvc versioning', 'lakfs datasets'],
  },
];

/** Everyday queries over the shared vocabulary: one word, typos, several words. */
export const COMMON_QUERIES = [
  'katib',
  'pipline retries',
  'istio traffic split',
  'hyperparamter tunning katib',
  'model drift monitoring',
  'kubectl logs',
  'multi user setup',
  'inferenceservice secure',
];

const OPENINGS = [
  'What is',
  'How does',
  'How do you',
  'Why is',
  'What are',
  'When should you use',
  'How can',
  "What's the difference between",
  'Which',
];

let vocabulary;

/** Words of the seed deck's body, as often as they occur there. */
function seedVocabulary() {
  if (vocabulary) return vocabulary;
  const text = readFileSync(SEED_DECK, 'utf8');
  const body = text.slice(text.indexOf('\n---', 4) + 4);
  vocabulary = body.match(/[A-Za-z][A-Za-z0-9-]*[A-Za-z0-9]/g).filter((word) => !/^\d/.test(word));
  return vocabulary;
}

function capitalize(word) {
  return word[0].toUpperCase() + word.slice(1);
}

/**
 * A deck of `count` questions as Markdown, and where the planted questions are.
 * @returns {{ text: string, questions: { number: number, question: string }[], planted: { number: number, question: string, queries: string[] }[] }}
 */
export function generateDeck({ count, seed = 1, title = `Synthetic deck of ${count} questions` }) {
  const random = mulberry32(seed);
  const words = seedVocabulary();
  const pick = () => words[Math.floor(random() * words.length)];
  const phrase = (n) => Array.from({ length: n }, pick).join(' ');
  const between = (low, high) => low + Math.floor(random() * (high - low + 1));

  const plantedAt = new Map(PLANTED.map((planted, index) => [Math.floor(((index + 0.5) * count) / PLANTED.length) + 1, planted]));
  const perCategory = Math.max(10, Math.min(250, Math.round(count / 20)));
  const categories = new Set();
  const lines = [
    '---',
    `title: ${title}`,
    'description: Generated for the kfq benchmark from the seed deck vocabulary.',
    'author: kfq bench',
    '---',
    '',
  ];
  const questions = [];
  const planted = [];

  for (let number = 1; number <= count; number++) {
    if ((number - 1) % perCategory === 0) {
      let category = `${capitalize(pick())} ${capitalize(pick())}`;
      for (let suffix = 2; categories.has(category.toLowerCase()); suffix++) category = `${category.replace(/ \d+$/, '')} ${suffix}`;
      categories.add(category.toLowerCase());
      lines.push('', `### **${category}**`, '');
    }
    const plant = plantedAt.get(number);
    const question = plant ? plant.question : `${OPENINGS[between(0, OPENINGS.length - 1)]} ${phrase(between(3, 9))}?`;
    const indent = ' '.repeat(String(number).length + 2);
    lines.push(`${number}. **${question}**`);
    if (plant) {
      lines.push(`${indent}- ${plant.answer}`);
      planted.push({ number, question, queries: plant.queries });
    } else {
      for (let bullet = random() < 0.8 ? 1 : 2; bullet > 0; bullet--) lines.push(`${indent}- ${sentence(random, pick, between)}`);
    }
    lines.push('');
    questions.push({ number, question });
  }
  return { text: `${lines.join('\n')}\n`, questions, planted };
}

/** Six random hex digits: a review id's random part is two of these. */
function hex24(random) {
  return Math.floor(random() * 2 ** 24)
    .toString(16)
    .padStart(6, '0');
}

function sentence(random, pick, between) {
  const parts = [];
  for (let i = between(8, 22); i > 0; i--) {
    const word = pick();
    const roll = random();
    parts.push(roll < 0.05 ? `\`${word.toLowerCase()}\`` : roll < 0.1 ? `**${word}**` : word);
  }
  return `${capitalize(parts.join(' '))}.`;
}

/**
 * Writes a review log of `count` reviews of the given questions, oldest first,
 * ending at `end`: mostly Good, some Again/Hard/Easy, a few undo records and
 * damaged lines, as a long-time user's log would have, each record as kfq writes it.
 * @param {string} file
 * @param {{ deck: string, questions: { number: number, question: string }[], count: number, seed?: number, end?: Date, days?: number }} options
 * @returns {{ reviews: number, undos: number, damaged: number, bytes: number }}
 */
export function writeReviewLog(file, { deck, questions, count, seed = 2, end = new Date('2026-01-01T00:00:00Z'), days = 900 }) {
  const random = mulberry32(seed);
  const fd = openSync(file, 'w');
  let bytes = 0;
  const write = (text) => {
    bytes += writeSync(fd, text);
  };
  write(`${JSON.stringify({ kfq: 'review-log', version: 1 })}\n`);
  const start = end.getTime() - days * 86_400_000;
  const step = (end.getTime() - start) / count;
  let undos = 0;
  let damaged = 0;
  let chunk = [];
  for (let i = 0; i < count; i++) {
    // Skewed: a few questions get most of the reviews, as in real drilling.
    const question = questions[Math.floor(random() * random() * questions.length)];
    const roll = random();
    const rating = roll < 0.1 ? 1 : roll < 0.25 ? 2 : roll < 0.85 ? 3 : 4;
    const at = Math.round(start + i * step + random() * step * 0.9);
    // As kfq writes a review (model/review.ts reviewOf): first an id of the time and 48 random bits.
    const review = {
      id: `${at.toString(36)}-${hex24(random)}${hex24(random)}`,
      questionId: `${deck}/${question.number}`,
      deck,
      number: question.number,
      question: question.question,
      rating,
      reviewedAt: new Date(at).toISOString(),
      durationMs: Math.round(2_000 + random() * 40_000),
      answer: random() < 0.2 ? 'it schedules pods on kubernetes' : '',
      mode: random() < 0.9 ? 'drill' : 'mock',
    };
    chunk.push(JSON.stringify(review));
    if (random() < 0.003) {
      chunk.push(JSON.stringify({ undo: review.reviewedAt, questionId: review.questionId, id: review.id }));
      undos++;
    }
    if (i % 250_000 === 125_000) {
      chunk.push('{"questionId": "damaged by hand');
      damaged++;
    }
    if (chunk.length >= 10_000) {
      write(`${chunk.join('\n')}\n`);
      chunk = [];
    }
  }
  if (chunk.length > 0) write(`${chunk.join('\n')}\n`);
  closeSync(fd);
  return { reviews: count, undos, damaged, bytes };
}
