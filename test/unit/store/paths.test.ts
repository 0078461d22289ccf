// Where kfq keeps its files, per platform, and the check made before a session.
import { chmodSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { StorageError } from '../../../src/errors.js';
import { ensureWritableHome, kfqPaths } from '../../../src/store/paths.js';

describe('kfqPaths', () => {
  it('uses KFQ_HOME when it is set, on any platform', () => {
    expect(kfqPaths({ KFQ_HOME: '/data/kfq', HOME: '/home/ann' }, 'linux')).toEqual({
      home: '/data/kfq',
      config: '/home/ann/.config/kfq',
      decks: '/data/kfq/decks',
      history: '/data/kfq/reviews.jsonl',
      reports: '/data/kfq/reports',
      cache: '/data/kfq/cache',
    });
    expect(kfqPaths({ KFQ_HOME: '/data/kfq' }, 'darwin').home).toBe('/data/kfq');
  });

  it('keeps config.toml in KFQ_CONFIG_HOME, else an absolute XDG_CONFIG_HOME/kfq, else ~/.config/kfq', () => {
    expect(kfqPaths({ HOME: '/home/ann', KFQ_CONFIG_HOME: '/etc/kfq-test' }, 'linux').config).toBe('/etc/kfq-test');
    expect(kfqPaths({ HOME: '/home/ann', XDG_CONFIG_HOME: '/cfg' }, 'linux').config).toBe('/cfg/kfq');
    expect(kfqPaths({ HOME: '/home/ann', XDG_CONFIG_HOME: 'relative' }, 'linux').config).toBe('/home/ann/.config/kfq');
  });

  it("puts this machine's history and reports in the sync folder when KFQ_SYNC_DIR is set, with an id made once", () => {
    const home = mkdtempSync(join(tmpdir(), 'kfq-paths-'));
    const paths = kfqPaths({ KFQ_HOME: home, KFQ_SYNC_DIR: '/shared', KFQ_CONFIG_HOME: home }, 'linux');
    const machine = paths.sync!.machine;
    expect(paths.history).toBe(`/shared/reviews/${machine}.jsonl`);
    expect(paths.reports).toBe(`/shared/reports/${machine}`);
    expect(kfqPaths({ KFQ_HOME: home, KFQ_SYNC_DIR: '/shared', KFQ_CONFIG_HOME: home }, 'linux').sync!.machine).toBe(machine);
  });

  it('reads sync.dir from config.toml', () => {
    const home = mkdtempSync(join(tmpdir(), 'kfq-paths-'));
    writeFileSync(join(home, 'config.toml'), '[sync]\ndir = "/shared/kfq"\n');
    expect(kfqPaths({ KFQ_HOME: home, KFQ_CONFIG_HOME: home }, 'linux').sync?.dir).toBe('/shared/kfq');
  });

  it('resolves a relative KFQ_HOME against the working folder', () => {
    expect(kfqPaths({ KFQ_HOME: 'here' }, 'linux').home).toBe(join(process.cwd(), 'here'));
  });

  it('follows XDG_STATE_HOME on Linux, else ~/.local/state', () => {
    expect(kfqPaths({ HOME: '/home/ann', XDG_STATE_HOME: '/state' }, 'linux').home).toBe('/state/kfq');
    expect(kfqPaths({ HOME: '/home/ann' }, 'linux').home).toBe('/home/ann/.local/state/kfq');
    // The XDG spec says a relative path must be ignored.
    expect(kfqPaths({ HOME: '/home/ann', XDG_STATE_HOME: 'relative' }, 'linux').home).toBe('/home/ann/.local/state/kfq');
  });

  it('keeps the config folder in KFQ_CONFIG_HOME, else XDG_CONFIG_HOME/kfq, else ~/.config/kfq or %APPDATA%\\kfq', () => {
    expect(kfqPaths({ HOME: '/home/ann', KFQ_CONFIG_HOME: '/etc/kfq' }, 'linux').config).toBe('/etc/kfq');
    expect(kfqPaths({ HOME: '/home/ann', XDG_CONFIG_HOME: '/conf' }, 'linux').config).toBe('/conf/kfq');
    expect(kfqPaths({ HOME: '/home/ann', XDG_CONFIG_HOME: 'relative' }, 'linux').config).toBe('/home/ann/.config/kfq');
    expect(kfqPaths({ APPDATA: 'C:\\Users\\ann\\AppData\\Roaming' }, 'win32').config).toBe('C:\\Users\\ann\\AppData\\Roaming\\kfq');
  });

  it('uses Application Support on macOS and LOCALAPPDATA on Windows', () => {
    expect(kfqPaths({ HOME: '/Users/ann' }, 'darwin').history).toBe('/Users/ann/Library/Application Support/kfq/reviews.jsonl');
    expect(kfqPaths({ LOCALAPPDATA: 'C:\\Users\\ann\\AppData\\Local' }, 'win32')).toMatchObject({
      home: 'C:\\Users\\ann\\AppData\\Local\\kfq',
      history: 'C:\\Users\\ann\\AppData\\Local\\kfq\\reviews.jsonl',
    });
  });
});

describe('ensureWritableHome', () => {
  it('creates the home and its folders', () => {
    const home = join(mkdtempSync(join(tmpdir(), 'kfq-home-')), 'nested', 'kfq');
    const paths = kfqPaths({ KFQ_HOME: home });
    ensureWritableHome(paths);
    for (const folder of [paths.home, paths.decks, paths.reports, paths.cache]) expect(statSync(folder).isDirectory()).toBe(true);
  });

  it('refuses a KFQ_HOME that is a file, with a StorageError naming it', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'kfq-home-')), 'not-a-folder');
    writeFileSync(file, 'x');
    expect(() => ensureWritableHome(kfqPaths({ KFQ_HOME: file }))).toThrow(StorageError);
    expect(() => ensureWritableHome(kfqPaths({ KFQ_HOME: file }))).toThrow(`cannot create the folder ${file}: a file is in the way`);
  });

  // Root may write anywhere, so this can only be shown as another user.
  it.skipIf(process.getuid?.() === 0 || process.platform === 'win32')('refuses a folder that cannot be written', () => {
    const home = mkdtempSync(join(tmpdir(), 'kfq-home-'));
    ensureWritableHome(kfqPaths({ KFQ_HOME: home }));
    chmodSync(home, 0o555);
    try {
      expect(() => ensureWritableHome(kfqPaths({ KFQ_HOME: home }))).toThrow(/is not writable: permission denied/);
    } finally {
      chmodSync(home, 0o755);
    }
  });
});

describe('kfqPaths config folder', () => {
  it('when KFQ_CONFIG_HOME is set then it is the config folder', () => {
    expect(kfqPaths({ KFQ_CONFIG_HOME: '/tmp/conf', HOME: '/home/ann' }, 'linux').config).toBe('/tmp/conf');
  });
  it('when XDG_CONFIG_HOME is absolute then kfq lives under it, else under ~/.config', () => {
    expect(kfqPaths({ HOME: '/home/ann', XDG_CONFIG_HOME: '/conf' }, 'linux').config).toBe('/conf/kfq');
    expect(kfqPaths({ HOME: '/home/ann', XDG_CONFIG_HOME: 'relative' }, 'linux').config).toBe('/home/ann/.config/kfq');
  });
  it('when on Windows then APPDATA holds it', () => {
    expect(kfqPaths({ APPDATA: 'C:\\Users\\ann\\AppData\\Roaming' }, 'win32').config).toBe('C:\\Users\\ann\\AppData\\Roaming\\kfq');
  });
});
