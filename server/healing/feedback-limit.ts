// Re-code feedback (a developer's words, or the CI logs of a failed fix) goes into the next attempt's
// prompt: at most this many characters, refused beyond it where feedback is accepted (recode-session.ts)
// and clipped to it where the prompt is built (generate/build-context-items.ts).
export const MAX_FEEDBACK_CHARS = 8000;
