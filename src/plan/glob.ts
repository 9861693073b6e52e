// `ignore:` patterns: `*` stands for any run of characters; everything else is literal, case-sensitive,
// and the pattern must cover the whole name.

export function globMatch(pattern: string, name: string): boolean {
  const source = pattern
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${source}$`, 's').test(name);
}

export function ignored(patterns: readonly string[], name: string): boolean {
  return ignoringPattern(patterns, name) !== undefined;
}

/** The first pattern that covers `name`, for messages that say why a group is ignored. */
export function ignoringPattern(patterns: readonly string[], name: string): string | undefined {
  return patterns.find((pattern) => globMatch(pattern, name));
}
