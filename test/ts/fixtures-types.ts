// The shape of a generated runtime module, for tests that import one from a temporary output folder.
import type { Backend, Engine, EngineOptions, Weights } from "../../runtime/index.js";

export declare function manifestDir(): string;
export declare function createEngine(backend: Backend, weights: Weights | string, options?: EngineOptions & { readonly manifestDir?: string }): Promise<Engine>;
