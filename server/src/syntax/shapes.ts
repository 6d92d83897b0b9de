// V8 drops the hidden class of a class once no instance of it is left (at a full collection), and with it the
// code it compiled for that class: node --trace-deopt reports "marking dependent code … reason: weak objects".
// The parser and the model's resolvers live only while they work, so the collection that follows the opening
// of a large law (server/heap.ts), and every later one, threw away the parser and the model's optimised code;
// the next structural keystroke then ran it unoptimised. One small instance of each, kept here, prevents that.

const kept: object[] = [];

/** Keeps `instance` (small, made once at load) for the life of the process, so that its class's hidden class stays. */
export function keepShape(instance: object): void {
  kept.push(instance);
}
