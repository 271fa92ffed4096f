// CSS Modules, as Next.js compiles them. Declared here (not only in the generated
// next-env.d.ts) so that `npm run typecheck` works on a fresh clone before any build.
declare module '*.module.css' {
  const classes: Readonly<Record<string, string>>;
  export default classes;
}
