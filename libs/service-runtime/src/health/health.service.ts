import { Inject, Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { KafkaHealth } from '@chokepoint/kafka';
import { DATA_SOURCE } from '@chokepoint/persistence';

export interface DependencyHealth {
  up: boolean;
  detail?: string;
}

export interface HealthReport {
  status: 'up' | 'down';
  kafka: DependencyHealth;
  postgres: DependencyHealth;
}

@Injectable()
export class HealthService {
  constructor(
    private readonly kafka: KafkaHealth,
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
  ) {}

  async readiness(): Promise<HealthReport> {
    const [kafka, postgres] = await Promise.all([this.kafka.check(), this.checkPostgres()]);
    return { status: kafka.up && postgres.up ? 'up' : 'down', kafka, postgres };
  }

  private async checkPostgres(): Promise<DependencyHealth> {
    try {
      await this.dataSource.query('SELECT 1');
      return { up: true };
    } catch (error) {
      return { up: false, detail: error instanceof Error ? error.message : String(error) };
    }
  }
}
