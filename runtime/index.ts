/**
 * The dflashc runtime library (`dflashc/runtime`): what a generated runtime module binds to.
 */
export * from "../contract/manifest.js";
export * from "./buckets.js";
export * from "./pages.js";
export * from "./draft-slots.js";
export * from "./request.js";
export * from "./scheduler.js";
export * from "./backend.js";
export * from "./engine.js";
export * from "./metrics.js";
export * from "./generated.js";
export * from "./weights/safetensors.js";
export * from "./weights/source.js";
export { ReferenceBackend, ReferenceBackendError, type ModuleSource } from "./backends/reference.js";
export { JaxBackend, JaxBackendError, type JaxBackendOptions } from "./backends/jax.js";
export * from "./text/index.js";
