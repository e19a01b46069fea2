// The chat templates that ship with Qwen3 and Llama 3 render exactly the prompts these models are known
// to be trained on (written out by hand here), with the variables transformers' apply_chat_template passes.
import { beforeAll, describe, expect, it } from "vitest";
import { ChatTemplateError, TextTokenizer } from "../../runtime/text/index.js";
import { LLAMA3_DIR, QWEN3_DIR } from "./hf-models.js";

describe("Qwen3's chat template", () => {
  let tok: TextTokenizer;
  beforeAll(async () => void (tok = await TextTokenizer.load(QWEN3_DIR)));

  it("renders a user turn and the assistant header", () => {
    expect(tok.applyChatTemplate([{ role: "user", content: "What is 2+2?" }], { addGenerationPrompt: true })).toBe(
      "<|im_start|>user\nWhat is 2+2?<|im_end|>\n<|im_start|>assistant\n",
    );
  });

  it("renders a system message first, and no assistant header without addGenerationPrompt", () => {
    expect(
      tok.applyChatTemplate(
        [
          { role: "system", content: "Be brief." },
          { role: "user", content: "Hi!" },
        ],
        { addGenerationPrompt: false },
      ),
    ).toBe("<|im_start|>system\nBe brief.<|im_end|>\n<|im_start|>user\nHi!<|im_end|>\n");
  });

  it("renders an earlier assistant turn without its reasoning, and honours enable_thinking", () => {
    const messages = [
      { role: "user", content: "Hi" },
      { role: "assistant", content: "<think>\nsay hello\n</think>\n\nHello!" },
      { role: "user", content: "Bye" },
    ];
    expect(tok.applyChatTemplate(messages, { addGenerationPrompt: true })).toBe(
      "<|im_start|>user\nHi<|im_end|>\n<|im_start|>assistant\nHello!<|im_end|>\n<|im_start|>user\nBye<|im_end|>\n<|im_start|>assistant\n",
    );
    expect(tok.applyChatTemplate(messages.slice(0, 1), { addGenerationPrompt: true, variables: { enable_thinking: false } })).toBe(
      "<|im_start|>user\nHi<|im_end|>\n<|im_start|>assistant\n<think>\n\n</think>\n\n",
    );
  });

  it("describes tools in the system turn", () => {
    const tool = { type: "function", function: { name: "now", description: "the time", parameters: { type: "object", properties: {} } } };
    const text = tok.applyChatTemplate([{ role: "user", content: "time?" }], { addGenerationPrompt: true, tools: [tool] });
    expect(text.startsWith("<|im_start|>system\n# Tools\n\nYou may call one or more functions")).toBe(true);
    expect(text).toContain('<tools>\n{"type": "function", "function": {"name": "now"');
    expect(text.endsWith("<|im_start|>user\ntime?<|im_end|>\n<|im_start|>assistant\n")).toBe(true);
  });

  it("encodes the rendered prompt with the special tokens as single ids", () => {
    const ids = tok.encode(tok.applyChatTemplate([{ role: "user", content: "hi" }], { addGenerationPrompt: true }));
    expect(ids).toEqual([151644, 872, 198, 6023, 151645, 198, 151644, 77091, 198]);
  });

  it("refuses a message without a string content", () => {
    expect(() => tok.applyChatTemplate([{ role: "user", content: 3 as unknown as string }], { addGenerationPrompt: true })).toThrow(ChatTemplateError);
  });
});

describe("Llama 3's chat template", () => {
  let tok: TextTokenizer;
  beforeAll(async () => void (tok = await TextTokenizer.load(LLAMA3_DIR)));

  it("starts with bos_token, frames each turn in header ids and trims the content", () => {
    expect(
      tok.applyChatTemplate(
        [
          { role: "system", content: "Be brief." },
          { role: "user", content: "  Hi!  " },
        ],
        { addGenerationPrompt: true },
      ),
    ).toBe(
      "<|begin_of_text|><|start_header_id|>system<|end_header_id|>\n\nBe brief.<|eot_id|>" +
        "<|start_header_id|>user<|end_header_id|>\n\nHi!<|eot_id|><|start_header_id|>assistant<|end_header_id|>\n\n",
    );
  });

  it("encodes the rendered prompt starting with <|begin_of_text|> once", () => {
    const ids = tok.encode(tok.applyChatTemplate([{ role: "user", content: "hi" }], { addGenerationPrompt: true }));
    expect(ids).toEqual([128000, 128006, 882, 128007, 271, 6151, 128009, 128006, 78191, 128007, 271]);
  });
});
