/** NATS subject wildcards: `*` is one token, `>` the rest (one token or more). */
export function subjectMatches(pattern: string, subject: string): boolean {
  const p = pattern.split('.');
  const s = subject.split('.');
  for (let i = 0; i < p.length; i++) {
    if (p[i] === '>') return s.length > i;
    if (i >= s.length || (p[i] !== '*' && p[i] !== s[i])) return false;
  }
  return p.length === s.length;
}

/** Why a subject (pattern) cannot be used, or undefined when it is well-formed. */
export function subjectProblem(subject: string): string | undefined {
  if (subject === '') return 'a subject cannot be empty';
  if (/\s/.test(subject)) return `the subject "${subject}" contains white space`;
  const tokens = subject.split('.');
  if (tokens.some((t) => t === '')) return `the subject "${subject}" has an empty token (two dots, or a dot at an end)`;
  const full = tokens.indexOf('>');
  if (full >= 0 && full !== tokens.length - 1) return `in "${subject}", ">" can only be the last token`;
  if (tokens.some((t) => t.length > 1 && /[*>]/.test(t))) return `in "${subject}", "*" and ">" must be whole tokens`;
  return undefined;
}
