import { defineConfig } from "vitest/config";
import { fileURLToPath } from "node:url";

export default defineConfig({
  resolve: {
    alias: {
      "dflashc/runtime": fileURLToPath(new URL("./runtime/index.ts", import.meta.url)),
      dflashc: fileURLToPath(new URL("./dsl/index.ts", import.meta.url)),
    },
  },
  test: {
    include: ["test/**/*.test.ts"],
    reporters: ["default", "./test/plain-summary-reporter.ts"],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: "forks",
  },
});
