/**
 * Deterministic normalisation of model names for price lookup (design §3: provider prefix,
 * date suffix, dots, routing suffixes). Display always keeps the name as the agent wrote it.
 */

/** Bedrock cross-region inference prefixes that come before `anthropic.`. */
const BEDROCK_VENDOR_RE = /^(?:(?:us|eu|jp|apac|au|ca|global|us-gov)\.)?anthropic\./;
/** Bedrock model version suffix: `-v1:0`, `-v2:0`. */
const BEDROCK_VERSION_RE = /-v\d+:\d+$/;

/**
 * Suffixes that route a request (context window, reasoning effort, internal builds) without
 * naming another price. Longest first so `-1m-internal` is not read as `-internal`.
 */
const ROUTING_SUFFIXES = ['-1m-internal', '-internal', '-thinking', '-xhigh', '-high', '-1m'] as const;

/** `-20250929` or `-2025-09-29` at the end, with a plausible month and day. */
const DATE_SUFFIX_RE =
  /-(?:(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])|(?:19|20)\d{2}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01]))$/;

/**
 * The comparable form of a model name or price key: lower case, provider path dropped
 * (`openrouter/anthropic/x` → `x`), Bedrock region/vendor prefix and version suffix dropped,
 * `@` (Vertex dates) and dots (versions) turned into dashes.
 */
export function canonicalModelName(name: string): string {
  let s = name.trim().toLowerCase();
  const slash = s.lastIndexOf('/');
  if (slash >= 0) s = s.slice(slash + 1);
  s = s.replace(BEDROCK_VENDOR_RE, '').replace(BEDROCK_VERSION_RE, '');
  return s.replace(/[@.]/g, '-');
}

export function hasDateSuffix(canonical: string): boolean {
  return DATE_SUFFIX_RE.test(canonical);
}

export function stripDateSuffix(canonical: string): string {
  return canonical.replace(DATE_SUFFIX_RE, '');
}

/** Anthropic wrote both `claude-3-5-sonnet` and `claude-sonnet-4-5`: the other order, or null. */
function swapClaudeFamilyOrder(canonical: string): string | null {
  const versionFirst = /^claude-(\d+(?:-\d)?)-(opus|sonnet|haiku)(-.*)?$/.exec(canonical);
  if (versionFirst) return `claude-${versionFirst[2]}-${versionFirst[1]}${versionFirst[3] ?? ''}`;
  const familyFirst = /^claude-(opus|sonnet|haiku)-(\d+(?:-\d)?)(-.*)?$/.exec(canonical);
  if (familyFirst) return `claude-${familyFirst[2]}-${familyFirst[1]}${familyFirst[3] ?? ''}`;
  return null;
}

function stripRoutingSuffixes(canonical: string): string[] {
  const out: string[] = [];
  let current = canonical;
  for (;;) {
    const suffix = ROUTING_SUFFIXES.find((s) => current.endsWith(s) && current.length > s.length);
    if (!suffix) return out;
    current = current.slice(0, -suffix.length);
    out.push(current);
  }
}

/**
 * Canonical names to try for a model, most specific first: the name itself, then with routing
 * suffixes removed one by one (`…-20250929-thinking` → `…-20250929`), each followed by its
 * Claude family/version-order twin. Never shortens a version: `claude-sonnet-4-5` has no
 * candidate `claude-sonnet-4`.
 */
export function modelNameCandidates(model: string): string[] {
  const base = canonicalModelName(model);
  if (base === '') return [];
  const out: string[] = [];
  for (const name of [base, ...stripRoutingSuffixes(base)]) {
    for (const candidate of [name, swapClaudeFamilyOrder(name)]) {
      if (candidate !== null && !out.includes(candidate)) out.push(candidate);
    }
  }
  return out;
}
