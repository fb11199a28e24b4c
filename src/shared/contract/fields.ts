// The building blocks of every call's schema: bounded text, names, paths, and a call's input/output pair.
import { z } from 'zod';

const MAX_TEXT = 20_000;

/** Free text typed by the analyst: bounded, and without NUL characters SQLite and Excel choke on. */
export const text = (max = MAX_TEXT) =>
  z
    .string()
    .max(max, `must be at most ${max} characters`)
    .refine((value) => !value.includes('\u0000'), 'must not contain NUL characters');

export const name = text(200).trim().min(1, 'must not be empty');

export const filePath = text(4096).trim().min(1, 'must name a file');

export const noInput = z.strictObject({});

export const call = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O) => ({ input, output });
