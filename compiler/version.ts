/** The compiler's version, written into manifests and generated-file headers. Kept in step with package.json. */
export const VERSION = "0.1.0";
