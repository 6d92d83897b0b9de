// The syntax layer: text → lossless tree + errors. Parsing never throws.
export * from './tree';
export * from './numbering';
export { parse, kindLabel, type ParseOptions } from './parser';
export { formatLabel, LAMPIRAN_HEADING, ocrReadings, scanHeading, scanLabel, taxNameEndsAt } from './scanner';
export { LOOKAHEAD_CHARS, deltaOf, reparse, restructure, settleParse, shifter, type ReparseOptions, type Shift, type RestructuredParse, type TextChange } from './reparse';
export * from './text';
export { firstWhere } from './bisect';
export { keepShape } from './shapes';
