/**
 * Ends a test run with one plain line, `N passed, M failed` (and `, K skipped` when any were), so
 * that any tool reading the run's last lines — CI included — sees the count without parsing vitest's
 * colored summary.
 */
import { writeSync } from "node:fs";
import type { Reporter, TestModule } from "vitest/node";

export default class PlainSummaryReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    for (const m of modules) {
      for (const t of m.children.allTests()) {
        const state = t.result().state;
        if (state === "passed") passed++;
        else if (state === "failed") failed++;
        else skipped++;
      }
      if (m.state() === "failed" && [...m.children.allTests()].length === 0) failed++;
    }
    const line = `${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ""}`;
    // After vitest's own summary, which it prints later than this hook: at process exit.
    process.once("exit", () => writeSync(1, `\n${line}\n`));
  }
}
