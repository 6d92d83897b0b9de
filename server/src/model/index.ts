// The model layer: the typed regulation (units, scopes) and its resolved cross-references.
export * from './regulation';
export * from './references';
export * from './numbering-groups';
export * from './stray-labels';
export * from './shift';
