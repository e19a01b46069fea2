#!/usr/bin/env node
import { main } from "../dist/cli/cli.js";
// A reader that stops early (`dflashc ... | head`) ends the output, not the command with a stack trace.
process.stdout.on("error", (e) => {
  if (e.code !== "EPIPE") throw e;
  process.exit(process.exitCode ?? 0);
});
process.exitCode = await main(process.argv.slice(2));
