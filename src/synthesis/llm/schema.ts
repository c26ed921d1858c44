import { z } from 'zod';
import type { DraftStatement } from '../../core/synthesis.js';
import { LIMITS } from '../../core/types.js';

/*
 * What the model must return (sent as a strict JSON schema through the SDK's `zodResponseFormat`). Strict
 * structured outputs need every field present, so "absent" is `null`. No numbers anywhere: code counts.
 */
export const summaryOutput = z.object({
  statements: z.array(
    z.object({
      theme: z.string(),
      text: z.string(),
      citations: z.array(
        z.object({
          contributionId: z.string(),
          quote: z.string(),
          author: z.string().nullable(),
          translation: z.string().nullable(),
        }),
      ),
    }),
  ),
});
export type SummaryOutput = z.infer<typeof summaryOutput>;

export const mergeOutput = z.object({
  statements: z.array(z.object({ theme: z.string(), text: z.string(), parts: z.array(z.string()) })),
});
export type MergeOutput = z.infer<typeof mergeOutput>;

function clip(text: string, max: number): string {
  const trimmed = text.trim();
  return trimmed.length <= max ? trimmed : trimmed.slice(0, max).trimEnd();
}

/**
 * Second check, against the domain rather than the model schema: lengths the store accepts, no empty
 * statements. Quotes are left exactly as the model wrote them: verification decides about them.
 */
export function toDraftStatements(output: SummaryOutput): DraftStatement[] {
  return output.statements
    .map((s) => ({
      theme: clip(s.theme, LIMITS.shortText),
      text: clip(s.text, LIMITS.longText),
      citations: s.citations.map((c) => ({
        contributionId: c.contributionId.trim(),
        quote: c.quote,
        authorLabel: c.author?.trim() || null,
        translation: c.translation ? clip(c.translation, LIMITS.contributionField) : null,
      })),
    }))
    .filter((s) => s.text.length > 0);
}
