import { bytes } from './bytes.ts';
import { coldLoad } from './cold-load.ts';
import { everyoneTypes } from './everyone-types.ts';
import { fanout } from './fanout.ts';
import { joinStorm } from './join-storm.ts';
import { memory } from './memory.ts';
import { presence } from './presence.ts';
import type { Scenario } from './types.ts';
import { writePath } from './write-path.ts';

/** Every scenario, in the order; `pnpm bench <id>…` picks some (or 1–8). */
export const scenarios: readonly Scenario[] = [
  fanout,
  everyoneTypes,
  bytes,
  presence,
  memory,
  joinStorm,
  coldLoad,
  writePath,
];
