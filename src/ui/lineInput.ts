// The answer being typed: appended to in whole chunks (a paste is one
// append), capped at MAX_ANSWER_CHARS, and it remembers when it was cut there.

/** The longest answer kfq takes; the screen says so when input was cut here. */
export const MAX_ANSWER_CHARS = 20_000;

export class LineInput {
  private parts: string[] = [];
  private length = 0;
  private joined: string | undefined = '';
  /** Characters dropped because the answer reached MAX_ANSWER_CHARS. */
  cut = 0;

  get value(): string {
    this.joined ??= this.parts.join('');
    return this.joined;
  }

  /** Adds text at the end; a paste's line breaks become spaces (an answer is one line). Returns what was taken. */
  insert(text: string): string {
    const flat = text.replace(/[\r\n\t]+/g, ' ');
    const room = MAX_ANSWER_CHARS - this.length;
    // Cut between code points, never inside a surrogate pair.
    const taken = flat.length <= room ? flat : flat.slice(0, room).replace(/[\ud800-\udbff]$/, '');
    this.cut += flat.length - taken.length;
    if (taken === '') return '';
    this.parts.push(taken);
    this.length += taken.length;
    this.joined = undefined;
    return taken;
  }

  /** Removes the last character; returns false when there was none. */
  backspace(): boolean {
    const value = this.value;
    if (value === '') return false;
    const last = Array.from(value.slice(-2)).at(-1)!;
    this.set(value.slice(0, value.length - last.length));
    return true;
  }

  /** Removes the last word (Ctrl+W). */
  deleteWord(): void {
    this.set(this.value.replace(/\S*\s*$/, ''));
  }

  clear(): void {
    this.set('');
    this.cut = 0;
  }

  set(value: string): void {
    this.parts = [value];
    this.length = value.length;
    this.joined = value;
  }
}
