// A typed array (or a Buffer) grown: the entries of the old one copied into a bigger one.
export function grown<T extends Uint8Array | Int32Array | Uint32Array | Float64Array>(from: T, to: T): T {
  to.set(from);
  return to;
}
