// The one folder kfq keeps everything in: KFQ_HOME, or the platform's place for
// application state. Its own module, with no other imports, because boot.ts
// needs it before the rest of kfq is loaded.
import { homedir } from 'node:os';
import { posix, resolve, win32 } from 'node:path';

export function kfqHome(env: NodeJS.ProcessEnv, platform: NodeJS.Platform): string {
  if (env.KFQ_HOME) return resolve(env.KFQ_HOME);
  if (platform === 'win32') {
    const userHome = env.USERPROFILE || homedir();
    return win32.join(env.LOCALAPPDATA || win32.join(userHome, 'AppData', 'Local'), 'kfq');
  }
  const userHome = env.HOME || homedir();
  if (platform === 'darwin') return posix.join(userHome, 'Library', 'Application Support', 'kfq');
  // The XDG spec says a relative XDG_STATE_HOME is invalid and must be ignored.
  const state = env.XDG_STATE_HOME?.startsWith('/') ? env.XDG_STATE_HOME : posix.join(userHome, '.local', 'state');
  return posix.join(state, 'kfq');
}
