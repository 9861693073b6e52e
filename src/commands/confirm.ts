import { createInterface } from 'node:readline/promises';
import type { Io } from './io.js';

/** Terraform's prompt: only the word `yes` goes ahead. */
export async function confirm(io: Io): Promise<boolean> {
  const rl = createInterface({ input: io.stdin, output: io.stderr, terminal: io.interactive });
  try {
    const answer = await rl.question("\nDo you want to perform these actions?\n  Only 'yes' will be accepted.\n\n  Enter a value: ");
    return answer.trim() === 'yes';
  } finally {
    rl.close();
  }
}
