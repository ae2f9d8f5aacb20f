// Compiles src/ to dist/ with the project's TypeScript (tsconfig.build.json). Plain JavaScript on
// purpose: it runs from `npm ci` (the `prepare` step) before anything else exists, and in a production
// install (`npm ci --omit=dev`) where neither tsx nor TypeScript is installed.
//
//   node scripts/build.mjs              clean build (npm run build)
//   node scripts/build.mjs --if-needed  build only when dist/ is older than src/ or the build config (tests, bench)
//   node scripts/build.mjs --prepare    as npm's `prepare` step: keep an existing dist/ when TypeScript is absent
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { pathToFileURL } from 'node:url';

const root = join(import.meta.dirname, '..');
const dist = join(root, 'dist');
/** Written last: a dist/ without it is a build that did not finish. */
const stamp = join(dist, '.built');
/** Test files run in parallel workers and may all ask for a build at once: one builds, the others wait. */
const lock = join(root, '.build.lock');
const STALE_LOCK_MS = 120_000;

const mode = process.argv[2] ?? '';
if (!['', '--if-needed', '--prepare'].includes(mode)) {
  console.error(`unknown option ${mode}; use --if-needed or --prepare`);
  process.exit(2);
}

function newestInput() {
  let newest = 0;
  const visit = (path) => {
    const stats = statSync(path);
    if (stats.isDirectory()) {
      for (const entry of readdirSync(path)) visit(join(path, entry));
    } else {
      newest = Math.max(newest, stats.mtimeMs);
    }
  };
  visit(join(root, 'src'));
  for (const file of ['tsconfig.json', 'tsconfig.build.json', 'package.json']) visit(join(root, file));
  return newest;
}

function upToDate() {
  return existsSync(stamp) && statSync(stamp).mtimeMs >= newestInput();
}

function findCompiler() {
  try {
    // TypeScript 7 exports no ./bin path: find the package, then its declared tsc binary.
    const manifest = createRequire(join(root, 'package.json')).resolve('typescript/package.json');
    const { bin } = JSON.parse(readFileSync(manifest, 'utf8'));
    return join(dirname(manifest), typeof bin === 'string' ? bin : bin.tsc);
  } catch {
    return undefined;
  }
}

async function withLock(work) {
  const started = Date.now();
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
      // A build killed halfway leaves its lock behind; no build takes this long.
      if (Date.now() - statSync(lock, { throwIfNoEntry: false })?.mtimeMs > STALE_LOCK_MS) {
        rmSync(lock, { recursive: true, force: true });
      } else if (Date.now() - started > STALE_LOCK_MS) {
        throw new Error(`another build holds ${lock}; remove it if no build is running`);
      }
      await sleep(100);
    }
  }
  try {
    return await work();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

class BuildFailed extends Error {}

async function build(compiler) {
  rmSync(dist, { recursive: true, force: true });
  try {
    execFileSync(process.execPath, [compiler, '-p', join(root, 'tsconfig.build.json')], {
      cwd: root,
      stdio: 'inherit',
    });
  } catch {
    // tsc has printed the errors above; a half-written dist/ must not pass for a build.
    rmSync(dist, { recursive: true, force: true });
    throw new BuildFailed();
  }
  try {
    // ask.js first: it bundles tsc's askCommand.js, which bundleAskCli then replaces in place.
    await bundleOneQuestionCli();
    bundleAskCli();
    await bundleAnswerWorker();
  } catch (error) {
    console.error(`k2-bot: bundling failed: ${error.message}`);
    rmSync(dist, { recursive: true, force: true });
    throw new BuildFailed();
  }
  writeFileSync(stamp, `${new Date().toISOString()}\n`);
}

/**
 * `npm run ask` answers one question and exits, so loading ~150 modules (zod's 95 among them) was a
 * fifth of its CPU time: dist/cli/askCommand.js, what dist/cli/ask.js imports when the engine
 * artifact does not fit the knowledge, becomes one file with its dependencies (esbuild, a dev
 * dependency like TypeScript). Same depth in dist/, so the paths it finds from import.meta.url
 * (knowledge/, the knowledge snapshot) stay right. The bot keeps tsc's modules: it loads discord.js
 * lazily.
 */
function bundleAskCli() {
  const entry = join(dist, 'cli', 'askCommand.js');
  esbuild().buildSync(inPlaceBundle(entry));
  // tsc's map describes the unbundled file.
  rmSync(`${entry}.map`, { force: true });
}

/**
 * dist/cli/ask.js, what `npm run ask` runs: one file holding the engine, the artifact reader
 * (src/cli/askArtifact.ts) and askCommand's argument handling, without the validation code and
 * zod, which it never runs (withoutValidation). Its dynamic import of ./askCommand.js, for
 * knowledge the artifact does not fit, stays the separate bundle above, which validates; the
 * loader askCommand would import by default is a stand-in that refuses, as ask.js always hands in
 * the artifact's engine.
 */
async function bundleOneQuestionCli() {
  const entry = join(dist, 'cli', 'ask.js');
  const loaderStub = 'loader-never-called';
  const result = await esbuild().build(
    inPlaceBundle(entry, {
      metafile: true,
      plugins: [
        withoutValidation('the one-question CLI', /^\.\/askCommand\.js$/),
        {
          name: 'artifact-engine-only',
          setup(build) {
            build.onResolve({ filter: /^\.\/loadEngine\.js$/ }, () => ({
              path: 'loadEngine.js',
              namespace: loaderStub,
            }));
            build.onLoad({ filter: /.*/, namespace: loaderStub }, () => ({
              loader: 'js',
              contents: `export function loadEngine() { throw new Error('dist/cli/ask.js validates only through askCommand.js'); }`,
            }));
          },
        },
      ],
    }),
  );
  warnIfValidation(result, 'the one-question CLI');
  rmSync(`${entry}.map`, { force: true });
}

/** esbuild options that replace tsc's module at `entry` by one ESM file with its dependencies. */
function inPlaceBundle(entry, options = {}) {
  return {
    entryPoints: [entry],
    outfile: entry,
    allowOverwrite: true,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'warning',
    ...options,
  };
}

/**
 * An esbuild plugin for the bundles that run on knowledge the build or the main thread already
 * validated (the answer worker, the one-question CLI): kb/language.js imports kb/load.js,
 * and with it zod, only to read the repository's language files for a thread given none. Here that
 * import is a stand-in that refuses, since these bundles install their language before the engine
 * loads. `lateImports`: dynamic imports that stay separate modules, loaded only when a bundle must
 * read and validate files itself.
 */
function withoutValidation(who, lateImports) {
  const stub = 'language-without-validation';
  return {
    name: 'without-validation',
    setup(build) {
      build.onResolve({ filter: lateImports }, (args) =>
        args.kind === 'dynamic-import' ? { path: args.path, external: true } : undefined,
      );
      build.onResolve({ filter: /^\.\/load\.js$/ }, (args) =>
        args.importer === join(dist, 'kb', 'language.js') ? { path: 'load.js', namespace: stub } : undefined,
      );
      build.onLoad({ filter: /.*/, namespace: stub }, () => ({
        loader: 'js',
        contents: `export function loadLanguage() { throw new Error(${JSON.stringify(`${who} speaks only the language files it is handed (installLanguage)`)}); }`,
      }));
    },
  };
}

/**
 * Says which modules pulled zod or a schema module into a bundle built with withoutValidation: it
 * still works, only heavier. tests/engine/isolation.test.ts fails on the engine's side of it.
 */
function warnIfValidation(result, who) {
  const validation = /node_modules[\\/]zod[\\/]|[\\/]kb[\\/](?:\w*[sS]chema|load)\.js$/;
  const pulledInBy = Object.entries(result.metafile.inputs)
    .filter(
      ([input, { imports }]) =>
        !validation.test(input) && imports.some((i) => !i.external && validation.test(i.path)),
    )
    .map(([input]) => input);
  if (pulledInBy.length > 0)
    console.error(
      `k2-bot: ${who} will load zod: ${pulledInBy.join(', ')} import a schema module (import fillText from kb/templates.ts, CATEGORIES from kb/categories.ts).`,
    );
}

/**
 * Each answer worker thread (src/discord/answerWorker.ts) builds its own engine from the knowledge
 * and language files the main thread validated. In tsc's modules that would load zod too (about
 * 5 MB of heap and 0.1-0.2 s of CPU per worker), for schemas it never runs: so
 * dist/discord/answerWorker.js is one file without it (withoutValidation). Its import of
 * kb/load.js, for a pool that hands it only a folder, stays tsc's module, loaded only then.
 */
async function bundleAnswerWorker() {
  const entry = join(dist, 'discord', 'answerWorker.js');
  const result = await esbuild().build(
    inPlaceBundle(entry, {
      metafile: true,
      plugins: [withoutValidation('an answer worker', /^\.\.\/kb\/load\.js$/)],
    }),
  );
  warnIfValidation(result, 'answer workers');
  rmSync(`${entry}.map`, { force: true });
}

function esbuild() {
  return createRequire(join(root, 'package.json'))('esbuild');
}

const compiledModule = (path) => import(pathToFileURL(join(dist, path)).href);

/**
 * The one-question CLI's engine artifact (src/cli/askArtifact.ts): the engine's indexes built once
 * here from the knowledge just validated, so that `npm run ask` reads them instead of building
 * them. Made again when the knowledge changed. Optional: when it cannot be made, the build still
 * succeeds and the CLI validates and builds at each start, as before.
 */
async function refreshAskArtifact() {
  const cliDir = join(dist, 'cli');
  const { askArtifactFile, readAskArtifact } = await compiledModule('cli/askArtifact.js');
  const file = askArtifactFile(cliDir);
  const knowledgeDir = join(root, 'knowledge');
  if (readAskArtifact(file, knowledgeDir, {}).usable) return;
  rmSync(file, { force: true });
  try {
    // Its own process: it installs the knowledge's language before the engine's modules load.
    execFileSync(process.execPath, [join(cliDir, 'writeAskArtifact.js'), knowledgeDir, file], {
      cwd: root,
      stdio: ['ignore', 'ignore', 'pipe'],
      timeout: STALE_LOCK_MS,
    });
  } catch (error) {
    const said = error.stderr?.toString().trim().split('\n').filter(Boolean);
    const detail = said?.find((line) => /Error: /.test(line)) ?? said?.at(-1) ?? error.message;
    console.error(`k2-bot: npm run ask will build the engine at each start (no engine artifact: ${detail}).`);
  }
}

/**
 * The validated knowledge beside the compiled code (src/kb/snapshot.ts), so that a start-up need not
 * validate it again; rewritten when the knowledge folder changed since. A broken knowledge folder
 * gets none: the build still succeeds, and starting the bot names the bad file and field.
 */
async function refreshKnowledgeSnapshot() {
  const { readKnowledgeSnapshot } = await compiledModule('kb/snapshot.js');
  if (readKnowledgeSnapshot(join(root, 'knowledge')) !== null) return;
  const { writeKnowledgeSnapshot } = await compiledModule('kb/writeSnapshot.js');
  try {
    await writeKnowledgeSnapshot(join(root, 'knowledge'));
  } catch (error) {
    console.error(
      `k2-bot: no knowledge snapshot written, start-up will validate the knowledge: ${error.message}`,
    );
  }
}

const compiler = findCompiler();
if (!compiler) {
  if (mode === '--prepare' && existsSync(stamp)) {
    console.log('k2-bot: TypeScript is not installed (production install); using the existing dist/.');
    process.exit(0);
  }
  console.error(
    existsSync(stamp)
      ? 'k2-bot: TypeScript is not installed, so dist/ cannot be rebuilt; run `npm ci` (with dev dependencies) first.'
      : 'k2-bot: dist/ is missing and TypeScript is not installed to build it. Build first with `npm ci && npm run build`, then install for production with `npm ci --omit=dev`.',
  );
  process.exit(1);
}

try {
  await withLock(async () => {
    if (!(mode === '--if-needed' && upToDate())) await build(compiler);
    await refreshKnowledgeSnapshot();
    await refreshAskArtifact();
  });
} catch (error) {
  if (!(error instanceof BuildFailed)) throw error;
  console.error('k2-bot: the build failed (TypeScript errors above); dist/ was removed.');
  process.exitCode = 1;
}
