import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vite';

// Paraglide is compiled by the `i18n` script (CLI) before `vite build`/`vite dev`, not by its Vite
// plugin: the plugin keeps the build process alive for ~25 s (see /work/shared/TOOLCHAIN.md).
export default defineConfig({
  plugins: [sveltekit()],
  // Storage stays an import resolved at run time (its dist/, with better-sqlite3 and pg from its
  // own node_modules): bundled, better-sqlite3's native-binding loader breaks (`__filename`).
  // Theme suggestions too: their worker thread is a module found beside the package's dist/
  // (`new URL('./suggest-thread.js', import.meta.url)`), which a bundled copy would not have.
  ssr: { external: ['@prozesswerkstatt/storage', '@prozesswerkstatt/theme-suggestions'] },
});
