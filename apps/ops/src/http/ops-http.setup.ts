import { Logger } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import cookieParser from 'cookie-parser';
import type { OpsEnvironment } from '../config/ops.environment';
import { serveConsole } from './console-static';
import { securityHeaders } from './security-headers';

/**
 * Express-level setup shared by main.ts and the integration tests: headers, cookies, OpenAPI at
 * /api/docs (JSON at /api/docs-json) and the console's static files.
 */
export function configureOpsHttp(app: NestExpressApplication, env: OpsEnvironment): void {
  app.disable('x-powered-by');
  if (env.OPS_TRUST_PROXY_HOPS > 0) {
    app.set('trust proxy', env.OPS_TRUST_PROXY_HOPS);
  }
  app.use(securityHeaders({ production: env.NODE_ENV === 'production' }));
  app.use(cookieParser());

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Chokepoint ops API')
      .setDescription(
        'Hold queue, officer decisions, audit. Browser clients: session cookie cp_session plus X-CSRF-Token ' +
          '(echo of cookie cp_csrf) on POST/PUT/PATCH/DELETE. Machine clients: Authorization: Bearer <service token>.',
      )
      .setVersion('1')
      .addCookieAuth('cp_session', { type: 'apiKey', in: 'cookie', name: 'cp_session' }, 'session')
      .addSecurity('bearer', { type: 'http', scheme: 'bearer' })
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });

  if (serveConsole(app, env.OPS_WEB_DIR)) {
    new Logger('Ops').log(`serving the console from ${env.OPS_WEB_DIR}`);
  }
}
