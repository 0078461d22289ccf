// kfq config: read and change the settings kept in config.toml.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { UsageError } from '../errors.js';
import { configFile, readConfigFile, writeConfigFile, type ConfigTable } from '../store/configFile.js';
import { makeFolders, writeFileAtomic } from '../store/files.js';
import { safeLine } from '../ui/text.js';
import { out } from '../ui/theme.js';
import type { CommandContext } from './context.js';
import { checkValue, envName, keyDefinition, loadSettings, SETTING_KEYS, valueAt } from './settings.js';

export type ConfigAction = 'get' | 'set' | 'unset' | 'list' | 'path' | 'edit';

export interface ConfigOptions {
  action: ConfigAction;
  key?: string;
  value?: string[];
  json?: boolean;
}

export async function run(ctx: CommandContext, options: ConfigOptions): Promise<number> {
  const file = configFile(ctx.paths.config);
  switch (options.action) {
    case 'path':
      print(ctx, file);
      return 0;
    case 'get':
      return get(ctx, options.key!, Boolean(options.json));
    case 'list':
      return list(ctx, file, Boolean(options.json));
    case 'set':
      return set(ctx, file, options.key!, (options.value ?? []).join(' '));
    case 'unset':
      return unset(ctx, file, options.key!);
    case 'edit':
      return edit(ctx, file);
  }
}

function print(ctx: CommandContext, line: string): void {
  ctx.stdout.write(`${line}\n`);
}

function get(ctx: CommandContext, key: string, json: boolean): number {
  const definition = keyDefinition(key);
  const value = valueAt(loadSettings(ctx.paths, ctx.env).settings as unknown as ConfigTable, definition.key);
  if (json) print(ctx, JSON.stringify(value ?? null));
  else if (value !== undefined) print(ctx, safeLine(shown(value)));
  return 0;
}

/** Every key with its value and where the value comes from (default, the file, the environment). */
function list(ctx: CommandContext, file: string, json: boolean): number {
  const { settings, sources } = loadSettings(ctx.paths, ctx.env);
  const rows = SETTING_KEYS.map((definition) => ({
    key: definition.key,
    value: valueAt(settings as unknown as ConfigTable, definition.key) ?? null,
    source: sources.get(definition.key)!,
    env: envName(definition.key),
    description: definition.description,
  }));
  if (json) {
    print(ctx, JSON.stringify(rows, null, 2));
    return 0;
  }
  const width = Math.max(...rows.map((row) => row.key.length)) + 2;
  for (const row of rows) {
    const from = row.source === 'default' ? '' : out.dim(row.source === 'file' ? '  (config file)' : `  (${row.env})`);
    const value =
      row.key === 'deck' && Array.isArray(row.value) && row.value.length === 0
        ? 'built-in deck'
        : row.value === null
          ? '-'
          : shown(row.value);
    print(ctx, `${out.bold(row.key.padEnd(width))}${safeLine(value)}${from}`);
  }
  ctx.stderr.write(`${existsSync(file) ? `config file: ${file}` : `no config file yet (kfq config set KEY VALUE creates ${file})`}\n`);
  return 0;
}

function set(ctx: CommandContext, file: string, key: string, typed: string): number {
  const definition = keyDefinition(key);
  const value = checkValue(definition, definition.fromText(typed), 'the command line', `kfq config list shows what each key holds`);
  const table = readConfigFile(file);
  setAt(table, definition.key, value);
  writeConfigFile(file, table);
  ctx.stderr.write(`${definition.key} = ${safeLine(shown(value))} (in ${file})\n`);
  return 0;
}

function unset(ctx: CommandContext, file: string, key: string): number {
  const definition = keyDefinition(key);
  const table = readConfigFile(file);
  if (valueAt(table, definition.key) === undefined) {
    ctx.stderr.write(`${definition.key} was not set in ${file}\n`);
    return 0;
  }
  setAt(table, definition.key, undefined);
  writeConfigFile(file, table);
  ctx.stderr.write(`${definition.key} unset (in ${file})\n`);
  return 0;
}

function shown(value: unknown): string {
  if (Array.isArray(value)) return value.length === 0 ? 'none' : value.join(' ');
  return String(value);
}

/** Sets (or, with undefined, removes) a dotted key, dropping tables left empty. */
function setAt(table: ConfigTable, key: string, value: unknown): void {
  const [group, name] = key.split('.') as [string, string | undefined];
  if (name === undefined) {
    if (value === undefined) delete table[group];
    else table[group] = value;
    return;
  }
  const current = table[group];
  const inner: ConfigTable = current && typeof current === 'object' && !Array.isArray(current) ? (current as ConfigTable) : {};
  if (value === undefined) delete inner[name];
  else inner[name] = value;
  if (Object.keys(inner).length === 0) delete table[group];
  else table[group] = inner;
}

const TEMPLATE = `# kfq settings (kfq config list shows every key; README "Config" says what each does)
# [drill]
# newPerDay = 20
`;

function edit(ctx: CommandContext, file: string): number {
  if (!ctx.isTTY)
    throw new UsageError('kfq config edit needs a terminal', { hint: `use kfq config set KEY VALUE, or edit ${file} yourself` });
  const editor = ctx.env.VISUAL || ctx.env.EDITOR;
  if (!editor) throw new UsageError('neither VISUAL nor EDITOR is set', { hint: `set one (export EDITOR=nano), or edit ${file} yourself` });
  if (!existsSync(file)) {
    makeFolders(ctx.paths.config);
    writeFileAtomic(file, TEMPLATE, { what: `the config file ${file}` });
  }
  const [command, ...args] = editor.trim().split(/\s+/) as [string, ...string[]];
  const result = spawnSync(command, [...args, file], { stdio: 'inherit' });
  if (result.error) throw new UsageError(`cannot run the editor '${editor}': ${result.error.message}`);
  // Says at once what is wrong rather than at the next drill.
  loadSettings(ctx.paths, ctx.env);
  return result.status ?? 1;
}
