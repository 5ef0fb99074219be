// A Vite plugin that writes the web app manifest and its icons next to index.html, so that a
// student can add the app to a phone's home screen and open it offline (the service worker keeps
// these files too: it lists everything in the bundle, and this plugin runs before it).
import type { Plugin } from 'vite';
import { iconPng } from './app-icon.ts';

const ICONS = [
  { file: 'icon-192.png', size: 192, purpose: 'any' },
  { file: 'icon-512.png', size: 512, purpose: 'any' },
  { file: 'icon-maskable-512.png', size: 512, purpose: 'maskable' },
] as const;

export const MANIFEST = {
  name: 'AI-værkstedet',
  short_name: 'AI-værkstedet',
  description: 'Se med egne øjne og egne tal, hvordan kunstig intelligens lærer.',
  lang: 'da',
  dir: 'ltr',
  start_url: './',
  scope: './',
  display: 'standalone',
  background_color: '#f6f7f9',
  theme_color: '#1f4e79',
  icons: ICONS.map((i) => ({ src: `./${i.file}`, sizes: `${i.size}x${i.size}`, type: 'image/png', purpose: i.purpose })),
};

export function appManifest(): Plugin {
  return {
    name: 'ai-vaerkstedet-manifest',
    apply: 'build',
    generateBundle() {
      for (const icon of ICONS) this.emitFile({ type: 'asset', fileName: icon.file, source: iconPng(icon.size, icon.purpose === 'maskable') });
      this.emitFile({ type: 'asset', fileName: 'manifest.webmanifest', source: `${JSON.stringify(MANIFEST, null, 2)}\n` });
    },
    transformIndexHtml: () => [
      { tag: 'link', attrs: { rel: 'manifest', href: './manifest.webmanifest' }, injectTo: 'head' },
      { tag: 'meta', attrs: { name: 'theme-color', content: MANIFEST.theme_color }, injectTo: 'head' },
      { tag: 'link', attrs: { rel: 'apple-touch-icon', href: './icon-192.png' }, injectTo: 'head' },
    ],
  };
}
