// In-process measurements for bench/run.js, which bundles this file with
// esbuild and runs it as a child process (so its memory is its own):
//   probe search <deck.md> <cacheDir> <queries.json>   search latency, ours and plain fuse.js
//   probe drill <deck.md> <kfqHome>                     the start of `kfq drill`, up to the first card
//   probe align <deck.md> <cacheDir>                    following a changed deck: its last-seen list against the new one
// Each prints one JSON line.
import { loadDecksCached } from '../src/deck/cache.js';
import { followDeck } from '../src/practice/deckIdentity.js';
import { pickCards } from '../src/practice/pick.js';
import { loadSearchIndex } from '../src/search/cachedIndex.js';
import { searchQuestions } from '../src/search/index.js';
import { FSRS_REPLAY } from '../src/practice/cardReplay.js';
import { openReviewHistory } from '../src/store/cardSnapshot.js';
import { kfqPaths } from '../src/store/paths.js';
import { fuseEngine } from './search/peers.js';

interface Query {
  text: string;
  /** The planted question the query is about, if any. */
  expect?: number;
}

const [command, ...args] = process.argv.slice(2);
if (command === 'search') await searchProbe(args[0]!, args[1]!, JSON.parse(args[2]!) as Query[]);
else if (command === 'drill') await drillProbe(args[0]!, args[1]!);
else if (command === 'align') await alignProbe(args[0]!, args[1]!);
else throw new Error(`unknown probe ${command}`);

async function searchProbe(deckFile: string, cacheDir: string, queries: Query[]): Promise<void> {
  const { decks, questions, contentHashes } = await loadDecksCached([deckFile], { installedDir: cacheDir, cacheDir });
  const index = loadSearchIndex(decks, cacheDir, contentHashes);
  // One round to warm up (not counted: "once loaded"), then five measured.
  const ours: number[] = [];
  const top3: boolean[] = [];
  for (let round = 0; round <= 5; round++) {
    for (const query of queries) {
      const started = performance.now();
      const hits = await searchQuestions(index, query.text, { limit: 10 });
      if (round > 0) ours.push(performance.now() - started);
      if (round === 0 && query.expect !== undefined) top3.push(hits.slice(0, 3).some((hit) => hit.question.number === query.expect));
    }
  }
  const oursRss = process.memoryUsage().rss;

  // Plain fuse.js over the same documents, each query once (seconds each at 100,000 questions).
  const fuse = fuseEngine(questions);
  const plain: number[] = [];
  for (const query of queries) {
    const started = performance.now();
    fuse.search(query.text);
    plain.push(performance.now() - started);
  }
  console.log(JSON.stringify({ ours, plain, top3, oursRss }));
}

async function drillProbe(deckFile: string, home: string): Promise<void> {
  const paths = kfqPaths({ KFQ_HOME: home });
  // As kfq drill does: the log opened first, so a long first read starts on the worker while the deck loads.
  const opened = openReviewHistory(paths.history, paths.cache, FSRS_REPLAY);
  const { questions } = await loadDecksCached([deckFile], { installedDir: paths.decks, cacheDir: paths.cache });
  const history = opened.read();
  const states = history.cardStates(questions);
  const cards = pickCards({ questions, states, now: new Date(), count: 10, order: 'due' });
  console.log(JSON.stringify({ cards: cards.length, reviews: history.reviewCount, maxRss: process.resourceUsage().maxRSS * 1024 }));
}

/**
 * A deck changed the ways people change decks, all at once: a question
 * inserted at the top (every number moves), one in a hundred reworded, one in
 * a thousand removed. Times following it from its last-seen list.
 */
async function alignProbe(deckFile: string, cacheDir: string): Promise<void> {
  const { decks, questions } = await loadDecksCached([deckFile], { installedDir: cacheDir, cacheDir });
  const slug = decks[0]!.slug;
  const seen = followDeck(undefined, slug, questions, new Date()).seen;
  const changed = [
    { ...questions[0]!, id: `${slug}/new`, question: 'A question nobody asked before?', answer: 'Something new.' },
    ...questions
      .filter((_, i) => i % 1000 !== 999)
      .map((q, i) => ({ ...q, id: `${slug}/${i + 2}`, number: i + 2, question: i % 100 === 0 ? `${q.question} (reworded)` : q.question })),
  ];
  const started = performance.now();
  const followed = followDeck(seen, slug, changed, new Date());
  const ms = performance.now() - started;
  console.log(JSON.stringify({ ms, counts: followed.change?.counts, maxRss: process.resourceUsage().maxRSS * 1024 }));
}
