import { existsSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { extname, join, resolve } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';

const API_PATHS = /^\/(api|health|metrics)(\/|$)/;

/**
 * Serves the built console at / with a fallback to index.html for client-side routes (paths without
 * a file extension outside the API). Returns false when the folder has not been built.
 */
export function serveConsole(app: NestExpressApplication, folder: string): boolean {
  const root = resolve(folder);
  const index = join(root, 'index.html');
  if (!existsSync(index)) {
    return false;
  }
  app.useStaticAssets(root, {
    index: false,
    fallthrough: true,
    setHeaders: (response: ServerResponse, path: string) => {
      // Vite fingerprints everything under assets/; index.html must always be fetched fresh.
      response.setHeader(
        'Cache-Control',
        path.includes(`${join(root, 'assets')}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
    },
  });
  app.use((request: Request, response: Response, next: NextFunction) => {
    if (
      (request.method !== 'GET' && request.method !== 'HEAD') ||
      API_PATHS.test(request.path) ||
      extname(request.path) !== ''
    ) {
      next();
      return;
    }
    response.setHeader('Cache-Control', 'no-cache');
    response.sendFile(index);
  });
  return true;
}
