// The Lancaster (Paice/Husk) stemmer, ANSI C rule set: strips English inflections and derivations down to a root
// (`variation`, `variant` → vary; `settlement`, `settled` → settl). Ported from lancaster-stemmer 2.1.0
// (https://github.com/words/lancaster-stemmer), MIT licence, Copyright (c) 2014 Titus Wormer: ~60 lines of rules,
// kept here rather than as a dependency.

/** How a rule ends: stop; only on an untouched word; continue; keep the word as it is; continue, untouched word only. */
const enum Kind { Stop, Intact, Continue, Protect, ContinueIntact }

/** Rules by the word's last letter, tried in order: `ending>replacement:kind` (kind letters s i c p C). */
const TABLE: Record<string, string> = {
  a: 'ia>:i a>:i',
  b: 'bb>b:s',
  c: 'ytic>ys:s ic>:c nc>nt:c',
  d: 'dd>d:s ied>y:c ceed>cess:s eed>ee:s ed>:c hood>:c',
  e: 'e>:c',
  f: 'lief>liev:s if>:c',
  g: 'ing>:c iag>y:s ag>:c gg>g:s',
  h: 'th>:i guish>ct:s ish>:c',
  i: 'i>:i i>y:c',
  j: 'ij>id:s fuj>fus:s uj>ud:s oj>od:s hej>her:s verj>vert:s misj>mit:s nj>nd:s j>s:s',
  l: 'ifiabl>:s iabl>y:s abl>:c ibl>:s bil>bl:c cl>c:s iful>y:s ful>:c ul>:s ial>:c ual>:c al>:c ll>l:s',
  m: 'ium>:s um>:i ism>:c mm>m:s',
  n: 'sion>j:c xion>ct:s ion>:c ian>:c an>:c een>:p en>:c nn>n:s',
  p: 'ship>:c pp>p:s',
  r: 'er>:c ear>:p ar>:s or>:c ur>:c rr>r:s tr>t:c ier>y:c',
  s: 'ies>y:c sis>s:s is>:c ness>:c ss>:p ous>:c us>:i s>:C s>:s',
  t: 'plicat>ply:s at>:c ment>:c ent>:c ant>:c ript>rib:s orpt>orb:s duct>duc:s sumpt>sum:s cept>ceiv:s olut>olv:s sist>:p ist>:c tt>t:s',
  u: 'iqu>:s ogu>og:s',
  v: 'siv>j:c eiv>:p iv>:c',
  y: 'bly>bl:c ily>y:c ply>:p ly>:c ogy>og:s phy>ph:s omy>om:s opy>op:s ity>:c ety>:c lty>l:s istry>:s ary>:c ory>:c ify>:s ncy>nt:c acy>:c',
  z: 'iz>:c yz>ys:s',
};

const KINDS: Record<string, Kind> = { s: Kind.Stop, i: Kind.Intact, c: Kind.Continue, p: Kind.Protect, C: Kind.ContinueIntact };

interface Rule { ending: string; replacement: string; kind: Kind }

const RULES = new Map<string, Rule[]>(
  Object.entries(TABLE).map(([letter, text]) => [
    letter,
    text.split(' ').map((rule) => {
      const [ending, rest] = rule.split('>') as [string, string];
      const [replacement, kind] = rest.split(':') as [string, string];
      return { ending, replacement, kind: KINDS[kind]! };
    }),
  ]),
);

const VOWELS = /[aeiouy]/;

/** The Lancaster root of a lower-case word. */
export function lancasterStem(word: string): string {
  return applyRules(word, true);
}

function applyRules(value: string, intact: boolean): string {
  for (const rule of RULES.get(value.charAt(value.length - 1)) ?? []) {
    if (!intact && (rule.kind === Kind.Intact || rule.kind === Kind.ContinueIntact)) continue;
    if (!value.endsWith(rule.ending)) continue;
    if (rule.kind === Kind.Protect) return value;
    const next = value.slice(0, value.length - rule.ending.length) + rule.replacement;
    if (!acceptable(next)) continue;
    return rule.kind === Kind.Continue || rule.kind === Kind.ContinueIntact ? applyRules(next, false) : next;
  }
  return value;
}

/** A root must keep a vowel: two letters when it starts with one, else three with a vowel among them. */
const acceptable = (value: string) => (VOWELS.test(value.charAt(0)) ? value.length > 1 : value.length > 2 && VOWELS.test(value));
