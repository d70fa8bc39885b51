/**
 * Matching a line against an action-line template in time linear in the line's length. A template read as a regular
 * expression (`^smsswd\.exe /pkg:(?<PackageID>.*?) /install …$`) has a lazy `.*?` per value, and a backtracking
 * engine tries every way of cutting the line between them: a Set Task Sequence Variable line of 64,000 `=` that does
 * not close its quote cost 5.6 s to lint, four times as long for each doubling. Here the same expression is run as a
 * small program by a backtracking matcher that remembers each (choice, position) it has tried (no backreferences,
 * so one that failed once fails again): the answer is the one the regular expression gives, found in at most
 * (choices × (length + 1)) tries.
 */

const CHAR = 0;
const ANY = 1;
const SPLIT = 2;
const JUMP = 3;
const SAVE = 4;
const MATCH = 5;

/** A compiled template: its instructions, with their operands in `a` and `b`, and the names of its groups. */
export interface TemplateProgram {
  readonly op: readonly number[];
  /** CHAR: the code unit; SPLIT: the branch tried first; JUMP: where to; SAVE: the capture slot. */
  readonly a: readonly number[];
  /** SPLIT: the branch tried second. */
  readonly b: readonly number[];
  /** SPLIT: its number among the choices (the row of the tried choices it marks); -1 for any other instruction. */
  readonly memo: readonly number[];
  /** How many SPLIT instructions there are. */
  readonly choices: number;
  /** Group names, by group number. */
  readonly names: readonly string[];
}

/** Builds a {@link TemplateProgram} piece by piece, in the order of the expression it stands for. */
export class ProgramBuilder {
  private readonly op: number[] = [];
  private readonly a: number[] = [];
  private readonly b: number[] = [];
  private readonly memo: number[] = [];
  private choices = 0;
  private readonly names: string[] = [];

  private emit(op: number, a = 0, b = 0): number {
    this.op.push(op);
    this.a.push(a);
    this.b.push(b);
    this.memo.push(op === SPLIT ? this.choices++ : -1);
    return this.op.length - 1;
  }

  /** Literal text (`escapeRegExp(text)`). */
  text(text: string): void {
    for (let i = 0; i < text.length; i++) this.emit(CHAR, text.charCodeAt(i));
  }

  /** `.*?` with the `s` flag: the shortest run of any characters. */
  lazyAny(): void {
    const loop = this.emit(SPLIT);
    this.emit(ANY);
    this.emit(JUMP, loop);
    // Prefer leaving the loop; else take one more character.
    this.a[loop] = this.op.length;
    this.b[loop] = loop + 1;
  }

  /** `alt1|alt2|…`, each literal text, tried in order. */
  alternatives(alts: readonly string[]): void {
    const jumps: number[] = [];
    alts.forEach((alt, i) => {
      if (i === alts.length - 1) {
        this.text(alt);
        return;
      }
      const split = this.emit(SPLIT);
      this.a[split] = split + 1;
      this.text(alt);
      jumps.push(this.emit(JUMP));
      this.b[split] = this.op.length;
    });
    for (const j of jumps) this.a[j] = this.op.length;
  }

  /** `(?:body)?`: the body if it matches, else nothing (greedy, as `?` is). */
  optional(body: () => void): void {
    const split = this.emit(SPLIT);
    this.a[split] = split + 1;
    body();
    this.b[split] = this.op.length;
  }

  /** `(?<name>body)`. */
  group(name: string, body: () => void): void {
    const n = this.names.length;
    this.names.push(name);
    this.emit(SAVE, 2 * n);
    body();
    this.emit(SAVE, 2 * n + 1);
  }

  /** The program, anchored at both ends (`^…$`). */
  build(): TemplateProgram {
    this.emit(MATCH);
    return { op: this.op, a: this.a, b: this.b, choices: this.choices, names: this.names, memo: this.memo };
  }
}

/**
 * Runs a program over the whole of `input`; returns each group's text (undefined for a group that took no part), by
 * name in the groups' order, or undefined when the input has not the form. Iterative: the stack holds the choices
 * still open and the group boundaries to restore when going back past them.
 */
export function runProgram(p: TemplateProgram, input: string): Map<string, string | undefined> | undefined {
  const len = input.length;
  const width = len + 1;
  // One bit per (choice, position): tried already, and failed (a success ends the run). Made only once the choices
  // made outnumber what an ordinary line needs, so matching a short line allocates nothing of its size.
  let tried: Uint32Array | undefined;
  let untracked = 4 * (width + p.op.length);
  const caps = new Array<number>(2 * p.names.length).fill(-1);
  // Pairs: (instruction, position) for a choice still open, or (~slot, old value) for a boundary to restore.
  const stack: number[] = [0, 0];
  while (stack.length) {
    let pos = stack.pop() as number;
    let pc = stack.pop() as number;
    if (pc < 0) {
      caps[~pc] = pos;
      continue;
    }
    for (;;) {
      const op = p.op[pc];
      if (op === CHAR) {
        if (pos < len && input.charCodeAt(pos) === p.a[pc]) {
          pc++;
          pos++;
          continue;
        }
        break;
      }
      if (op === ANY) {
        if (pos < len) {
          pc++;
          pos++;
          continue;
        }
        break;
      }
      if (op === SPLIT) {
        if (tried === undefined && --untracked < 0) tried = new Uint32Array(Math.ceil((p.choices * width) / 32));
        if (tried !== undefined) {
          const bit = (p.memo[pc] as number) * width + pos;
          const word = bit >>> 5;
          const mask = 1 << (bit & 31);
          if ((tried[word] as number) & mask) break;
          tried[word] = (tried[word] as number) | mask;
        }
        stack.push(p.b[pc] as number, pos);
        pc = p.a[pc] as number;
        continue;
      }
      if (op === JUMP) {
        pc = p.a[pc] as number;
        continue;
      }
      if (op === SAVE) {
        const slot = p.a[pc] as number;
        stack.push(~slot, caps[slot] as number);
        caps[slot] = pos;
        pc++;
        continue;
      }
      // MATCH: only at the end of the input.
      if (pos !== len) break;
      const out = new Map<string, string | undefined>();
      p.names.forEach((name, n) => {
        const start = caps[2 * n] as number;
        const end = caps[2 * n + 1] as number;
        out.set(name, start >= 0 && end >= 0 ? input.slice(start, end) : undefined);
      });
      return out;
    }
  }
  return undefined;
}
