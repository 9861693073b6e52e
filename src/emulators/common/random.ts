// A small seeded generator, so that injected faults and generated ids repeat exactly for a given seed.
import { randomInt } from 'node:crypto';

/** Uniform numbers in [0, 1) from a 32-bit seed (mulberry32: tiny, fast, good enough for test variety). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A fresh seed for runs that did not ask for reproducibility. */
export function randomSeed(): number {
  return randomInt(0, 2 ** 32 - 1);
}

/** A string of `length` characters drawn from `alphabet`. */
export function randomString(random: () => number, alphabet: string, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[Math.floor(random() * alphabet.length)];
  return out;
}
