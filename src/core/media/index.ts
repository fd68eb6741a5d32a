export * from './extensions';
export * from './contentType';
export * from './placement';
