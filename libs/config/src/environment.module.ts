import { type DynamicModule, Module } from '@nestjs/common';
import { ConfigModule, ConfigService } from '@nestjs/config';
import { envFilePaths } from './env-files';
import { validateEnvironment } from './environment-validation';

/**
 * Loads env files, then provides the app's validated environment class as an injectable. A bad or
 * missing variable stops the app at start with an EnvironmentError naming each one.
 */
@Module({})
export class EnvironmentModule {
  static forRoot<T extends object>(environmentClass: new () => T): DynamicModule {
    return {
      module: EnvironmentModule,
      global: true,
      imports: [ConfigModule.forRoot({ envFilePath: envFilePaths(), cache: true })],
      providers: [
        {
          provide: environmentClass,
          // ConfigModule has merged the env files into process.env by the time ConfigService exists.
          inject: [ConfigService],
          useFactory: (): T => validateEnvironment(environmentClass, process.env),
        },
      ],
      exports: [environmentClass],
    };
  }
}
