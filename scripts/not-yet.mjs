// Placeholder for a script whose feature has not landed yet: says so and fails (never a fake success).
const [, , name, why] = process.argv;
console.error(`npm run ${name}: not available yet — ${why}.`);
process.exit(1);
