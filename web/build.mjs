// Builds the browser application into dist/: index.html, app.js and app.css, minified.
// `node build.mjs` builds once; `node build.mjs --watch` rebuilds on every change (see dev-server.mjs).
import { copyFile, mkdir } from 'node:fs/promises';
import * as esbuild from 'esbuild';

const outdir = new URL('./dist/', import.meta.url);
const watch = process.argv.includes('--watch');

// index.html is copied as it is after each successful build.
const copyIndex = {
  name: 'copy-index',
  setup(build) {
    build.onEnd(async (result) => {
      if (result.errors.length === 0) await copyFile(new URL('./src/index.html', import.meta.url), new URL('index.html', outdir));
    });
  },
};

const options = {
  entryPoints: [
    { in: 'src/main.tsx', out: 'app' },
    { in: 'src/styles/app.css', out: 'app' },
  ],
  outdir: 'dist',
  bundle: true,
  minify: true,
  format: 'iife',
  target: ['es2020', 'chrome90', 'firefox90', 'safari15'],
  jsx: 'automatic',
  jsxImportSource: 'preact',
  charset: 'utf8',
  legalComments: 'none',
  logLevel: 'info',
  plugins: [copyIndex],
};

await mkdir(outdir, { recursive: true });
if (watch) {
  const context = await esbuild.context(options);
  await context.watch();
} else {
  await esbuild.build(options);
}
