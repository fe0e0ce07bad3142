// ESLint: AppSync's own rules (recommended, type-aware) on the code that runs inside AppSync's
// APPSYNC_JS runtime — the resolvers and the model modules they bundle. Node-side code (manifests,
// local runtime, Lambda functions) is plain TypeScript checked by `npm run typecheck`.
import appsync from '@aws-appsync/eslint-plugin';

export default [
  {
    files: ['resolvers/**/*.ts', 'model/**/*.ts'],
    ignores: ['resolvers/manifest.ts', 'resolvers/manifest.*.ts'],
    ...appsync.configs.recommended,
    languageOptions: {
      ...appsync.configs.recommended.languageOptions,
      parserOptions: { project: './tsconfig.json', tsconfigRootDir: import.meta.dirname },
    },
  },
];
