/** Text in, text out: tokenizers, chat templates, incremental decoding and stop strings. */
export { TextTokenizer, TokenizerError, type EncodeOptions, type DecodeOptions } from "./tokenizer.js";
export { ChatTemplate, ChatTemplateError, type ChatMessage, type ChatTemplateOptions } from "./chat-template.js";
export { StreamDecoder, type DecodeIds, type StreamDecoderOptions } from "./stream-decoder.js";
export { StopMatcher, type StopMatch } from "./stop-matcher.js";
export { GeneratedText, type GeneratedTextOptions } from "./generated-text.js";
