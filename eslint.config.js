// typescript-eslint with a small, strict rule set: bugs a type checker lets through, not style.
import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["dist/", "node_modules/", "test/golden/", "test/**/fixtures/", "test/types/fail/", ".venv/", ".scratch/"] },
  {
    files: ["**/*.ts"],
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
    rules: {
      eqeqeq: ["error", "always"],
      "no-var": "error",
      "prefer-const": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" }],
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports", disallowTypeAnnotations: false }],
      // Best-effort cleanup (removing a temp file that may be gone) is the one place an empty catch is right.
      "no-empty": ["error", { allowEmptyCatch: true }],
    },
  },
);
