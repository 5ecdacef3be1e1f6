// Keeps the state in memory and writes it to disk after each burst of changes (write to a temporary
// file, then rename, so a crash never leaves half a document). Idempotent restarts read it back.
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { emptyState, type SimState } from "./state";

export class Store {
  private writing: Promise<void> = Promise.resolve();
  private dirty = false;
  private scheduled = false;

  private constructor(
    readonly state: SimState,
    private readonly file: string,
  ) {}

  static async open(dataDir: string): Promise<Store> {
    await mkdir(dataDir, { recursive: true });
    const file = path.join(dataDir, "state.json");
    let state: SimState;
    try {
      state = { ...emptyState(), ...(JSON.parse(await readFile(file, "utf8")) as SimState) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
      state = emptyState();
    }
    return new Store(state, file);
  }

  nextId(): number {
    this.changed();
    return this.state.nextId++;
  }

  /** Marks the state as changed; the write happens once the current tick's changes are done. */
  changed(): void {
    this.dirty = true;
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      void this.flush();
    });
  }

  async flush(): Promise<void> {
    this.writing = this.writing.then(async () => {
      if (!this.dirty) return;
      this.dirty = false;
      const tmp = `${this.file}.tmp`;
      await writeFile(tmp, JSON.stringify(this.state));
      await rename(tmp, this.file);
    });
    return this.writing;
  }
}
