import { type DynamicModule, Inject, Injectable, Module, type OnApplicationShutdown } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { createDataSource, type DatabaseSettings } from './data-source-options';

export const DATA_SOURCE = Symbol('DATA_SOURCE');
const DATABASE_SETTINGS = Symbol('DATABASE_SETTINGS');

@Injectable()
class DataSourceLifecycle implements OnApplicationShutdown {
  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {}

  async onApplicationShutdown(): Promise<void> {
    if (this.dataSource.isInitialized) {
      await this.dataSource.destroy();
    }
  }
}

/** Provides an initialised TypeORM DataSource; the app refuses to start when PostgreSQL is unreachable. */
@Module({})
export class PersistenceModule {
  static forRootAsync(options: {
    imports?: DynamicModule['imports'];
    inject: Array<string | symbol | (abstract new (...args: never[]) => unknown)>;
    useFactory: (...args: never[]) => DatabaseSettings;
  }): DynamicModule {
    return {
      module: PersistenceModule,
      global: true,
      imports: options.imports ?? [],
      providers: [
        { provide: DATABASE_SETTINGS, inject: options.inject, useFactory: options.useFactory },
        {
          provide: DATA_SOURCE,
          inject: [DATABASE_SETTINGS],
          useFactory: async (settings: DatabaseSettings): Promise<DataSource> =>
            createDataSource(settings).initialize(),
        },
        DataSourceLifecycle,
      ],
      exports: [DATA_SOURCE],
    };
  }
}
