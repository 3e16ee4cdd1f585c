import type { Plugin } from "vite";

/** What differs between the apps' pages in their <head>: the title and the page's language. */
export interface PageHead {
  title: string;
  lang: string;
}

export const PAGE_HEADS: Record<string, PageHead> = {
  console: { title: "Customer 360 — rep console", lang: "zh-CN" },
  graphiql: { title: "Customer 360 — GraphiQL", lang: "en" },
  analyst: { title: "Customer 360 — service analytics", lang: "en" },
};

/**
 * The head every app's page shares (charset, viewport, title, language), added to its
 * index.html at build time: the index.html files hold only what is the app's own (its body,
 * and GraphiQL's full-height style).
 */
export function pageShell(app: string): Plugin {
  const head = PAGE_HEADS[app];
  if (!head) throw new Error(`pageShell: no head for the app "${app}" (known: ${Object.keys(PAGE_HEADS).join(", ")})`);
  return {
    name: "c360-page-shell",
    transformIndexHtml: {
      order: "pre",
      handler(html) {
        const withHead = /<head>/.test(html) ? html : html.replace(/<html>/, "<html>\n  <head>\n  </head>");
        return {
          html: withHead.replace(/<html>/, `<html lang="${head.lang}">`),
          tags: [
            { tag: "meta", attrs: { charset: "utf-8" }, injectTo: "head-prepend" },
            { tag: "meta", attrs: { name: "viewport", content: "width=device-width, initial-scale=1" }, injectTo: "head-prepend" },
            { tag: "title", children: head.title, injectTo: "head-prepend" },
          ],
        };
      },
    },
  };
}
