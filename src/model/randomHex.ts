// Random hex digits for ids and temp names. Web Crypto's global is loaded when
// first used; importing node:crypto would load it at every start of kfq.
export function randomHex(bytes: number): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(bytes))).toString('hex');
}
