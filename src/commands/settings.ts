// kfq's settings: each key with its default, its environment variable and what
// it may hold. The value used is the flag's, else the environment's, else the
// config file's, else the default; a bad value names the key and where it came from.
import { delimiter } from 'node:path';
import { UsageError } from '../errors.js';
import { parseDuration } from '../practice/time.js';
import { configFile, readConfigFile, type ConfigTable } from '../store/configFile.js';
import type { KfqPaths } from '../store/paths.js';

export interface Settings {
  deck: string[];
  drill: { count: number; newPerDay: number; reviewsPerDay: number; retention: number; learningSteps: string[]; relearningSteps: string[] };
  mock: { count: number; perQuestion: string };
  day: { rollover: number };
  sync: { dir: string | undefined };
  plan: { date: string | undefined; minutesPerDay: number; retention: number; decks: string[] };
}

type Value = string | number | string[] | undefined;

interface KeyDefinition {
  key: string;
  description: string;
  default: Value;
  /** Checks a value from the file (any TOML type) and returns it, or a reason it is wrong. */
  check: (value: unknown) => Value | { error: string };
  /** Reads a value typed as text (config set, the environment). */
  fromText: (text: string) => unknown;
}

const asNumber = (text: string): unknown => (text.trim() !== '' && Number.isFinite(Number(text)) ? Number(text) : text);
const asList = (text: string): unknown => text.split(/[\s,]+/).filter(Boolean);

function wholeNumber(min: number, max = Number.MAX_SAFE_INTEGER): KeyDefinition['check'] {
  return (value) =>
    Number.isInteger(value) && (value as number) >= min && (value as number) <= max
      ? (value as number)
      : {
          error:
            max === Number.MAX_SAFE_INTEGER
              ? `expected a whole number of at least ${min}`
              : `expected a whole number from ${min} to ${max}`,
        };
}

const fraction: KeyDefinition['check'] = (value) =>
  typeof value === 'number' && value > 0 && value < 1 ? value : { error: 'expected a number between 0 and 1, such as 0.9' };

const text: KeyDefinition['check'] = (value) => (typeof value === 'string' && value.trim() !== '' ? value : { error: 'expected text' });

const textList: KeyDefinition['check'] = (value) => {
  const list = typeof value === 'string' ? [value] : value;
  return Array.isArray(list) && list.every((item) => typeof item === 'string' && item !== '')
    ? (list as string[])
    : { error: 'expected a list of names or paths' };
};

// ts-fsrs steps: a whole number and a unit, minutes, hours or days; none (an empty list) goes straight to whole days.
const STEP = /^\d+[mhd]$/;
const steps: KeyDefinition['check'] = (value) =>
  Array.isArray(value) && value.every((item) => typeof item === 'string' && STEP.test(item) && parseInt(item, 10) > 0)
    ? (value as string[])
    : { error: 'expected a list of steps such as "1m 10m" (minutes m, hours h, days d), or none' };
const asSteps = (text: string): unknown => (text.trim().toLowerCase() === 'none' ? [] : asList(text));

const duration: KeyDefinition['check'] = (value) => {
  if (typeof value !== 'string') return { error: 'expected a duration such as 90s, 2m or 1m30s' };
  try {
    parseDuration(value);
    return value;
  } catch {
    return { error: 'expected a duration such as 90s, 2m or 1m30s' };
  }
};

const date: KeyDefinition['check'] = (value) => {
  const written = value instanceof Date ? value.toISOString().slice(0, 10) : value;
  return typeof written === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(written) && !Number.isNaN(Date.parse(written))
    ? written
    : { error: 'expected a date such as 2026-12-20' };
};

export const SETTING_KEYS: readonly KeyDefinition[] = [
  {
    key: 'deck',
    description: 'decks used when --deck is not given',
    default: [],
    check: textList,
    fromText: (t) => t.split(delimiter).filter(Boolean),
  },
  { key: 'drill.count', description: 'cards in a drill session', default: 10, check: wholeNumber(1), fromText: asNumber },
  {
    key: 'drill.newPerDay',
    description: 'new cards a day, across every drill that day',
    default: 20,
    check: wholeNumber(0),
    fromText: asNumber,
  },
  {
    key: 'drill.reviewsPerDay',
    description: 'reviews a day, across every drill that day',
    default: 200,
    check: wholeNumber(0),
    fromText: asNumber,
  },
  { key: 'drill.retention', description: 'desired retention, between 0 and 1', default: 0.9, check: fraction, fromText: asNumber },
  {
    key: 'drill.learningSteps',
    description: 'steps of a new card within a session',
    default: ['1m', '10m'],
    check: steps,
    fromText: asSteps,
  },
  {
    key: 'drill.relearningSteps',
    description: 'steps of a forgotten card within a session',
    default: ['10m'],
    check: steps,
    fromText: asSteps,
  },
  { key: 'mock.count', description: 'questions in a mock interview', default: 5, check: wholeNumber(1), fromText: asNumber },
  { key: 'mock.perQuestion', description: 'time for each mock question', default: '2m', check: duration, fromText: (t) => t },
  {
    key: 'day.rollover',
    description: 'hour (0-23) at which a new day starts for daily limits',
    default: 4,
    check: wholeNumber(0, 23),
    fromText: asNumber,
  },
  { key: 'sync.dir', description: 'folder to sync the history with', default: undefined, check: text, fromText: (t) => t },
  { key: 'plan.date', description: 'interview date of the plan', default: undefined, check: date, fromText: (t) => t },
  {
    key: 'plan.minutesPerDay',
    description: 'minutes a day the plan may take',
    default: 30,
    check: wholeNumber(1, 1440),
    fromText: asNumber,
  },
  { key: 'plan.retention', description: 'recall the plan aims for on the date', default: 0.9, check: fraction, fromText: asNumber },
  { key: 'plan.decks', description: 'decks of the plan (empty: the selected decks)', default: [], check: textList, fromText: asList },
];

/** `drill.newPerDay` → `KFQ_DRILL_NEW_PER_DAY`. */
export function envName(key: string): string {
  return `KFQ_${key
    .replace(/([a-z])([A-Z])/g, '$1_$2')
    .replace(/\./g, '_')
    .toUpperCase()}`;
}

export function keyDefinition(key: string): KeyDefinition {
  const found = SETTING_KEYS.find((definition) => definition.key === key);
  if (!found) throw new UsageError(`unknown config key '${key}'`, { hint: `keys: ${SETTING_KEYS.map((d) => d.key).join(', ')}` });
  return found;
}

/** A table's value at a dotted key. */
export function valueAt(table: ConfigTable, key: string): unknown {
  let value: unknown = table;
  for (const part of key.split('.'))
    value = value && typeof value === 'object' && !Array.isArray(value) ? (value as ConfigTable)[part] : undefined;
  return value;
}

/** Checks a value for a key; `source` names where it came from, for the error. */
export function checkValue(definition: KeyDefinition, value: unknown, source: string, hint?: string): Value {
  const checked = definition.check(value);
  if (checked && typeof checked === 'object' && !Array.isArray(checked)) {
    throw new UsageError(`bad value for ${definition.key} in ${source}: ${checked.error} (got ${JSON.stringify(value)})`, {
      hint: hint ?? `kfq config set ${definition.key} VALUE, or kfq config unset ${definition.key}`,
    });
  }
  return checked;
}

export interface LoadedSettings {
  settings: Settings;
  /** Where each key's value came from. */
  sources: Map<string, 'default' | 'file' | 'environment'>;
}

/** The settings from the environment over the config file over the defaults; flags are applied by each command. */
export function loadSettings(paths: KfqPaths, env: NodeJS.ProcessEnv): LoadedSettings {
  const file = configFile(paths.config);
  const table = readConfigFile(file, { shared: true });
  const settings: ConfigTable = {};
  const sources = new Map<string, 'default' | 'file' | 'environment'>();
  for (const definition of SETTING_KEYS) {
    const variable = envName(definition.key);
    const fromEnv = env[variable];
    const fromFile = valueAt(table, definition.key);
    let value = definition.default;
    sources.set(definition.key, 'default');
    if (fromEnv !== undefined && fromEnv !== '') {
      value = checkValue(definition, definition.fromText(fromEnv), `the environment variable ${variable}`, `change or unset ${variable}`);
      sources.set(definition.key, 'environment');
    } else if (fromFile !== undefined) {
      value = checkValue(definition, fromFile, file);
      sources.set(definition.key, 'file');
    }
    const [group, name] = definition.key.split('.');
    if (name === undefined) settings[group!] = value;
    else ((settings[group!] ??= {}) as ConfigTable)[name] = value;
  }
  return { settings: settings as unknown as Settings, sources };
}

/** The config file's deck, checked alone: other keys may be wrong without stopping list or search. */
export function configuredDeck(paths: KfqPaths): string[] {
  const file = configFile(paths.config);
  const value = valueAt(readConfigFile(file, { shared: true }), 'deck');
  return value === undefined ? [] : (checkValue(keyDefinition('deck'), value, file) as string[]);
}
