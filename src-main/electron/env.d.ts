// electron-vite (Vite) replaces `import.meta.env.DEV` at build time: true under `electron-vite dev`,
// false in `electron-vite build`. Typed here because the project's types are Node's only.
interface ImportMetaEnv {
  readonly DEV: boolean;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}
