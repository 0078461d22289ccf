// Raw terminal input to keys, in one linear pass over each chunk: a run of
// printable characters (a paste of any size) is one `text` key, never one key
// per character, so taking a paste costs what reading it costs.

export type KeyName =
  | 'text'
  | 'enter'
  | 'backspace'
  | 'escape'
  | 'tab'
  | 'ctrl-c'
  | 'ctrl-d'
  | 'ctrl-u'
  | 'ctrl-w'
  | 'up'
  | 'down'
  | 'left'
  | 'right'
  | 'home'
  | 'end'
  | 'pageup'
  | 'pagedown'
  | 'delete'
  | 'other';

export interface Key {
  name: KeyName;
  /** The characters, for `text` (a bracketed paste arrives as one `text` key with `paste` set). */
  text?: string;
  paste?: boolean;
}

const PASTE_START = '\u001b[200~';
const PASTE_END = '\u001b[201~';
// C0 controls and DEL end a printable run.
const CONTROL = /[\u0000-\u001f\u007f]/g;
const CSI = /\u001b\[([0-9;]*)([~A-Za-z])/y;
const SS3 = /\u001bO([A-Za-z])/y;

const CSI_FINAL: Record<string, KeyName> = { A: 'up', B: 'down', C: 'right', D: 'left', H: 'home', F: 'end' };
const CSI_TILDE: Record<string, KeyName> = {
  '1': 'home',
  '7': 'home',
  '4': 'end',
  '8': 'end',
  '3': 'delete',
  '5': 'pageup',
  '6': 'pagedown',
};
const SINGLE: Record<string, KeyName> = {
  '\r': 'enter',
  '\n': 'enter',
  '\t': 'tab',
  '\u007f': 'backspace',
  '\b': 'backspace',
  '\u0003': 'ctrl-c',
  '\u0004': 'ctrl-d',
  '\u0015': 'ctrl-u',
  '\u0017': 'ctrl-w',
};

/** Splits input chunks into keys; keeps the state of a bracketed paste that spans chunks. */
export class KeyReader {
  private paste: string[] | undefined;
  /** A lone Esc at the end of a read: the Escape key, or the start of a sequence split across reads. */
  private escapePending = false;

  /** True while a lone Esc waits for the next read; flush() makes it the Escape key. */
  get pending(): boolean {
    return this.escapePending;
  }

  flush(): Key[] {
    if (!this.escapePending) return [];
    this.escapePending = false;
    return [{ name: 'escape' }];
  }

  read(input: string): Key[] {
    const chunk = this.escapePending ? `\u001b${input}` : input;
    this.escapePending = false;
    const keys: Key[] = [];
    let i = 0;
    while (i < chunk.length) {
      if (this.paste) {
        const end = chunk.indexOf(PASTE_END, i);
        this.paste.push(chunk.slice(i, end === -1 ? chunk.length : end));
        if (end === -1) break;
        keys.push({ name: 'text', text: this.paste.join(''), paste: true });
        this.paste = undefined;
        i = end + PASTE_END.length;
        continue;
      }
      const ch = chunk[i]!;
      if (ch === '\u001b') {
        if (chunk.startsWith(PASTE_START, i)) {
          this.paste = [];
          i += PASTE_START.length;
          continue;
        }
        i = this.escape(chunk, i, keys);
        continue;
      }
      const single = SINGLE[ch];
      if (single) {
        keys.push({ name: single });
        // \r\n is one Enter.
        i += ch === '\r' && chunk[i + 1] === '\n' ? 2 : 1;
        continue;
      }
      CONTROL.lastIndex = i;
      const next = CONTROL.exec(chunk);
      const end = next === null ? chunk.length : next.index;
      if (end === i) {
        // Another control character: nothing a screen acts on.
        keys.push({ name: 'other' });
        i++;
        continue;
      }
      keys.push({ name: 'text', text: chunk.slice(i, end) });
      i = end;
    }
    return keys;
  }

  private escape(chunk: string, i: number, keys: Key[]): number {
    CSI.lastIndex = i;
    const csi = CSI.exec(chunk);
    if (csi) {
      const name = csi[2] === '~' ? CSI_TILDE[csi[1]!.split(';')[0]!] : CSI_FINAL[csi[2]!];
      keys.push({ name: name ?? 'other' });
      return i + csi[0].length;
    }
    SS3.lastIndex = i;
    const ss3 = SS3.exec(chunk);
    if (ss3) {
      keys.push({ name: CSI_FINAL[ss3[1]!] ?? 'other' });
      return i + ss3[0].length;
    }
    // A lone Esc is the Escape key (decided at the next read or by flush()); Esc before a character is Alt+character, which nothing uses.
    if (i + 1 >= chunk.length) this.escapePending = true;
    else if (chunk[i + 1] === '\u001b') {
      keys.push({ name: 'escape' });
      return i + 1;
    } else keys.push({ name: 'other' });
    return i + 2;
  }
}
