import type { Plugin } from 'vite';

/** The module every app's home page lives in (AppConfig.home). */
const HOME_MODULE = /[\\/]src[\\/]home\.tsx$/;

/**
 * Adds a modulepreload of the home page's chunk to index.html. The page is `React.lazy`, so without
 * it the browser asks for the chunk only once the framework has run: one more round trip before the
 * home page paints (its largest content), on the page most visits start from. It is small and
 * counted in the first-page budget anyway.
 */
export function preloadHomeChunk(): Plugin {
  let base = '/';
  return {
    name: 'alawein:preload-home-chunk',
    apply: 'build',
    configResolved(config) {
      base = config.base;
    },
    transformIndexHtml: {
      order: 'post',
      handler(_html, { bundle }) {
        const home = Object.values(bundle ?? {}).find(
          (output) =>
            output.type === 'chunk' &&
            output.facadeModuleId &&
            HOME_MODULE.test(output.facadeModuleId),
        );
        if (!home) return [];
        return [
          {
            tag: 'link',
            attrs: { rel: 'modulepreload', crossorigin: true, href: `${base}${home.fileName}` },
            injectTo: 'head',
          },
        ];
      },
    },
  };
}
