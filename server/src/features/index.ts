// The pure language service façade: plain data in, plain data out; no LSP, no I/O.
export * from './analysis';
export * from './diagnostics';
export * from './messages';
export * from './outline';
