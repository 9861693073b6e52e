// At most `size` holders at once; the others wait in arrival order.
export class Semaphore {
  readonly #size: number;
  #held = 0;
  readonly #waiting: (() => void)[] = [];

  constructor(size: number) {
    this.#size = size;
  }

  async use<T>(task: () => Promise<T>): Promise<T> {
    if (this.#held < this.#size) this.#held++;
    else await new Promise<void>((resolve) => this.#waiting.push(resolve)); // the releaser hands its place over
    try {
      return await task();
    } finally {
      const next = this.#waiting.shift();
      if (next) next();
      else this.#held--;
    }
  }
}
