// The config file: one TOML table in the config folder. Read as untrusted
// text; what each key may hold is checked by the settings that use it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'smol-toml';
import { StorageError, UsageError } from '../errors.js';
import { describeFsError, makeFolders, writeFileAtomic } from './files.js';

export type ConfigTable = Record<string, unknown>;

export function configFile(configFolder: string): string {
  return join(configFolder, 'config.toml');
}

/**
 * The file's table; empty when there is no file. `shared`: for a reader that
 * does not change the table, which may then be the one parsed for another.
 */
export function readConfigFile(file: string, { shared = false }: { shared?: boolean } = {}): ConfigTable {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw new StorageError(`cannot read the config file ${file}: ${describeFsError(error)}`, { cause: error });
  }
  return shared ? parseSharedConfigText(text, file) : parseConfigText(text, file);
}

let lastParsed: { text: string; file: string; table: ConfigTable } | undefined;

/**
 * parseConfigText for readers that do not change the table: at start the file
 * is read for the sync folder and for the deck, and is parsed once.
 */
export function parseSharedConfigText(text: string, file: string): ConfigTable {
  if (lastParsed?.text !== text || lastParsed.file !== file) lastParsed = { text, file, table: parseConfigText(text, file) };
  return lastParsed.table;
}

/** The table a config file's text holds; a usage error naming the file when it is not TOML. */
export function parseConfigText(text: string, file: string): ConfigTable {
  try {
    return parse(text) as ConfigTable;
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new UsageError(`the config file ${file} is not valid TOML: ${reason}`, {
      hint: 'fix it with kfq config edit, or remove it',
      cause: error,
    });
  }
}

export function writeConfigFile(file: string, table: ConfigTable): void {
  makeFolders(join(file, '..'));
  writeFileAtomic(file, `${stringify(table)}\n`, { what: `the config file ${file}` });
}
