// What the fix changes outside tests: the names of changed source files, the identifiers on changed source
// lines and the functions enclosing them. A test edit is "together with the code it tests" when the test
// mentions one of them or its file is named for a changed source file.
import type { ChangedFile, SideLine } from "./changed-file";
import { enclosingDecls } from "./declarations";

export interface SubjectIndex {
  /** Any non-test source file changed at all. */
  sourceChanged: boolean;
  /** Whether these test lines (or their file) relate to a changed source. */
  relates(testFile: ChangedFile, lines: SideLine[]): boolean;
  /** Identifiers whose declaration the fix removed or renamed in source (old side only). */
  removedNames: Set<string>;
}

const STOP = new Set(
  `this self super true false null none nil undefined void public private protected static final class return import from
  assert assertequals assertthat asserttrue assertfalse expect equals equal test tests testcase setup teardown string int
  long double float boolean list dict map object value values expected actual result results should when then given
  const let var function def async await new throw throws catch try else elif with while for case default break continue
  lambda yield pass raise except finally global nonlocal print self.assert assert_equal`.split(/\s+/),
);

export function identifiers(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/[A-Za-z_$][\w$]*/g)) {
    const id = m[0];
    if (id.length < 4 || STOP.has(id.toLowerCase())) continue;
    out.push(id);
  }
  return out;
}

function stem(path: string): string {
  const base = path.slice(path.lastIndexOf("/") + 1);
  return base.replace(/\..*$/, "");
}

/** A test file's subject name: FooTest → foo, test_foo → foo, foo.spec → foo, foo_test → foo. */
export function testSubjectName(path: string): string {
  return stem(path)
    .replace(/^(test_?|Test)(?=[A-Za-z0-9])/, "")
    .replace(/(_test|_spec|Test|Tests|TestCase|IT|Spec|Suite)$/, "")
    .toLowerCase();
}

export function buildSubjectIndex(files: ChangedFile[]): SubjectIndex {
  const sources = files.filter((f) => f.kind.code && !f.kind.test && !f.oldKind.test);
  const names = new Set<string>();
  const stems = new Set<string>();
  const removedNames = new Set<string>();
  for (const f of sources) {
    stems.add(stem(f.path).toLowerCase());
    for (const h of f.headings) for (const id of identifiers(h)) names.add(id);
    for (const l of [...f.old.changed(), ...f.new.changed()]) {
      for (const id of identifiers(l.lex.code)) names.add(id);
    }
    for (const side of ["old", "new"] as const) {
      const s = side === "old" ? f.old : f.new;
      const lang = side === "old" ? f.oldKind.lang : f.kind.lang;
      for (const l of s.changed()) for (const d of enclosingDecls(s, l.no, lang, false)) names.add(d.name);
    }
    const newCode = new Set(f.new.all().flatMap((l) => identifiers(l.lex.code)));
    for (const l of f.old.changed()) {
      const m = /\b(?:def|fun|func|fn|function|void|class|interface)\s+(\w+)|(\w+)\s*\([^)]*\)\s*(?:throws [\w., ]+)?\{?\s*$/.exec(l.lex.code);
      const name = m?.[1] ?? m?.[2];
      if (name && name.length >= 3 && !newCode.has(name)) removedNames.add(name);
    }
  }
  return {
    sourceChanged: sources.some((f) => f.lines.some((l) => l.kind !== "ctx")),
    removedNames,
    relates(testFile, lines) {
      if (sources.length === 0) return false;
      const subject = testSubjectName(testFile.path);
      if (subject.length >= 3 && [...stems].some((s) => s === subject || (s.length >= 4 && subject.includes(s)))) return true;
      for (const l of lines) for (const id of identifiers(l.lex.code)) if (names.has(id)) return true;
      return false;
    },
  };
}
