// A Vite plugin that puts the built page's Content-Security-Policy and referrer policy into
// index.html (build only: the dev server injects its styles inline). The page may load only its
// own files: scripts, workers, wasm (compiling wasm needs 'wasm-unsafe-eval'), styles, fonts and
// data; no inline script or style attribute, no eval, no plugins, no form posts, no <base>.
// frame-ancestors is left out on purpose (a meta tag cannot set it, and embedding is wanted).
import type { Plugin } from 'vite';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",  // Vite inlines KaTeX's smallest fonts
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

export function contentSecurity(): Plugin {
  return {
    name: 'ai-vaerkstedet-content-security',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: () => [
        { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY }, injectTo: 'head-prepend' },
        { tag: 'meta', attrs: { name: 'referrer', content: 'no-referrer' }, injectTo: 'head-prepend' },
      ],
    },
  };
}
