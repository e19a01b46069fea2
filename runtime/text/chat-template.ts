/**
 * Chat templates: the Jinja template a Hugging Face tokenizer ships (tokenizer_config.json's
 * `chat_template`, or chat_template.jinja beside it), rendered by @huggingface/jinja with the variables
 * transformers' `apply_chat_template` passes, so the prompt is the one the model was trained on.
 */
import { Template } from "@huggingface/jinja";

export interface ChatMessage {
  readonly role: string;
  readonly content: string;
  /** Other fields a template may read (tool_calls, reasoning_content, name ...). */
  readonly [field: string]: unknown;
}

export interface ChatTemplateOptions {
  /** End with the header of an assistant turn, so that generation writes the reply. */
  readonly addGenerationPrompt: boolean;
  /** Tool (function) schemas, for templates that describe tools. */
  readonly tools?: readonly unknown[];
  /** Documents, for retrieval templates. */
  readonly documents?: readonly unknown[];
  /** Extra template variables (e.g. `enable_thinking` for Qwen3). */
  readonly variables?: Readonly<Record<string, unknown>>;
}

export class ChatTemplateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ChatTemplateError";
  }
}

/** A parsed template; `source` names where it came from in error messages. */
export class ChatTemplate {
  private readonly template: Template;

  constructor(
    text: string,
    private readonly source: string,
  ) {
    try {
      this.template = new Template(text);
    } catch (e) {
      throw new ChatTemplateError(`${source}: the chat template does not parse: ${(e as Error).message}`);
    }
  }

  /**
   * The prompt text. `specialTokens` are the tokenizer's named special tokens (bos_token, eos_token,
   * pad_token, unk_token ...), passed as variables as transformers does.
   */
  render(messages: readonly ChatMessage[], options: ChatTemplateOptions, specialTokens: Readonly<Record<string, string>>): string {
    for (const [i, m] of messages.entries()) {
      if (typeof m?.role !== "string" || typeof m.content !== "string") throw new ChatTemplateError(`message ${i}: needs a string role and content`);
    }
    try {
      return this.template.render({
        ...specialTokens,
        ...options.variables,
        messages: messages.map((m) => ({ ...m })),
        add_generation_prompt: options.addGenerationPrompt,
        ...(options.tools ? { tools: options.tools } : {}),
        ...(options.documents ? { documents: options.documents } : {}),
      });
    } catch (e) {
      // raise_exception(...) in a template lands here: the template refused the conversation.
      throw new ChatTemplateError(`${this.source}: the chat template failed: ${(e as Error).message}`);
    }
  }
}
