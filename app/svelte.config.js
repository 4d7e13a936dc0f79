import adapter from '@sveltejs/adapter-node';

/**
 * SHA-256 of the inline `style` attribute SvelteKit puts on its navigation announcer
 * (`<div id="svelte-announcer" style="position: absolute; …">`, see
 * `@sveltejs/kit/src/core/sync/write_root.js`). Kit's nonces and hashes only cover `<style>`
 * elements, not style attributes, so without this hash (plus `'unsafe-hashes'`) every client
 * navigation logs a CSP violation and the announcer is no longer visually hidden.
 * Re-check it when upgrading Kit: the e2e tests fail on any CSP message in the console.
 */
const KIT_ANNOUNCER_STYLE_HASH = 'sha256-S8qMpvofolR8Mpjy4kQvEm7m1q8clzU4dfDH0AmvZjo=';

/** @type {import('@sveltejs/kit').Config} */
const config = {
  kit: {
    adapter: adapter(),
    csp: {
      // Nonces for server-rendered pages, hashes for prerendered ones.
      mode: 'auto',
      directives: {
        'default-src': ['self'],
        'script-src': ['self'],
        'style-src': ['self', 'unsafe-hashes', KIT_ANNOUNCER_STYLE_HASH],
        'img-src': ['self', 'data:'],
        'font-src': ['self'],
        // The collab-server is another origin (its own port, default 1234). Its URL is a
        // deployment setting unknown at build time: `securityHeaders` (src/lib/server/
        // security-headers.ts) adds exactly the origin of COLLAB_URL to this at runtime.
        'connect-src': ['self'],
        // The service worker (src/service-worker.ts) is this origin's own script; said outright
        // rather than left to the fallback through script-src.
        'worker-src': ['self'],
        'object-src': ['none'],
        'base-uri': ['self'],
        'form-action': ['self'],
        'frame-ancestors': ['none'],
      },
    },
    // The service worker (src/service-worker.ts) is registered by the root layout, which ignores
    // a failed registration (it is an extra: offline reloads, not a condition for using the app).
    serviceWorker: { register: false },
    // `kit.csrf` is left at its default: SvelteKit refuses cross-origin form posts. Behind plain
    // http this needs ORIGIN set (scripts/start.mjs does), or every form POST gets a 403.
  },
};

export default config;
