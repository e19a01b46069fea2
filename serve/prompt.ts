/**
 * Prompts as token ids. Completions: text through the tokenizer (with its own special tokens, a BOS
 * its post-processor adds), or ids as given. Chat: the conversation through the tokenizer's chat
 * template; a tokenizer without one (the byte-level tokenizer of the tiny examples) gets a plain
 * transcript, one `role: content` line per message and then `assistant:`, so that every decoder can
 * be talked to.
 */
import { ChatTemplateError, type ChatMessage, type TextTokenizer } from "../runtime/text/index.js";
import { badRequest } from "./errors.js";

export function completionPromptIds(tokenizer: TextTokenizer, prompt: string | readonly number[]): number[] {
  if (typeof prompt !== "string") return [...prompt];
  if (prompt === "") throw badRequest("prompt must not be empty", "prompt");
  return tokenizer.encode(prompt);
}

/** The plain transcript a tokenizer without a chat template gets. */
export function plainTranscript(messages: readonly ChatMessage[]): string {
  return `${messages.map((m) => `${m.role}: ${m.content}\n`).join("")}assistant:`;
}

export function chatPromptIds(tokenizer: TextTokenizer, messages: readonly ChatMessage[], variables: Readonly<Record<string, unknown>>): number[] {
  if (!tokenizer.hasChatTemplate) return tokenizer.encode(plainTranscript(messages), { addSpecialTokens: false });
  let text: string;
  try {
    text = tokenizer.applyChatTemplate(messages, { addGenerationPrompt: true, variables });
  } catch (e) {
    // The template refused the conversation (raise_exception: roles out of order, a missing user turn ...).
    if (e instanceof ChatTemplateError) throw badRequest(e.message, "messages");
    throw e;
  }
  // The template holds the special tokens itself (transformers' apply_chat_template(tokenize=True)).
  return tokenizer.encode(text, { addSpecialTokens: false });
}
